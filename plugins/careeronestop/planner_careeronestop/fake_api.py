"""A local stand-in for CareerOneStop's Certification Finder, for tests (synthetic data).

Reproduces the 12 path segments after ``/v1/certificationfinder/``, Bearer auth tied to the
user id (401 otherwise), ``startRecord``/``limitRecord`` paging and ``{CertList: [...]}``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from planner.providers.stub import StubRequest, StubResponse

USER_ID = "fakeUser123"
TOKEN = "fake-c1s-token-abcdef0123456789"


def cert(n: int, name: str, org: str, **extra: Any) -> dict[str, Any]:
    """One synthetic certification in the finder's shape."""
    row: dict[str, Any] = {
        "Id": f"{1000 + n}-A",
        "Name": name,
        "Organization": org,
        "Url": f"https://certs.example.org/{n}",
        "Type": "Certification",
        "Description": f"<p>{name} &ndash; industry certification.</p>",
        "CertDetailList": [],
    }
    row.update(extra)
    return row


CERTS = [cert(i, f"Certified Python Programmer Level {i}", "Python Institute") for i in range(25)]
CERTS.append(cert(50, "Certified Kubernetes Administrator", "CNCF", Url="www.cncf.example"))


def handler(req: StubRequest) -> StubResponse:
    """Answer like ``GET /v1/certificationfinder/{userId}/{keyword}/…/{start}/{limit}``."""
    parts = req.path.strip("/").split("/")
    if len(parts) != 14 or parts[:2] != ["v1", "certificationfinder"]:
        return StubResponse(404, {"Message": "No HTTP resource was found."})
    user, keyword, start, limit = parts[2], unquote(parts[3]).lower(), parts[12], parts[13]
    if req.headers.get("authorization") != f"Bearer {TOKEN}" or user != USER_ID:
        return StubResponse(401, {"Message": "Authorization has been denied for this request."})
    if not start.isdigit() or not limit.isdigit():
        return StubResponse(400, {"Message": "The request is invalid."})
    hits = [c for c in CERTS if keyword in c["Name"].lower()]
    page = hits[int(start) : int(start) + int(limit)]
    return StubResponse(200, {"CertList": page, "RecordCount": len(hits)})
