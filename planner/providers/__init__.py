"""The provider plugin API: the only module plugin authors import.

A provider is a :class:`Provider` (or :class:`HttpProvider`) subclass registered under the
entry-point group ``skill_planner.providers.v1``. See ``docs/plugins.md``.
"""

from planner.providers.auth import ApiKeyAuth, Authenticator, BasicAuth, BearerAuth
from planner.providers.base import Provider, Results
from planner.providers.config import ProviderConfig, Setting
from planner.providers.errors import (
    FatalProviderError,
    MalformedPayloadError,
    NotConfiguredError,
    ProviderError,
    ProviderTimeoutError,
    RateLimitedError,
    RetriableProviderError,
)
from planner.providers.http import HttpProvider
from planner.providers.model import (
    Cost,
    Credential,
    Effort,
    Level,
    Location,
    Resource,
    ResourceKind,
    Schedule,
    SkillQuery,
)
from planner.providers.pagination import (
    LinkHeaderPaginator,
    NextUrlPaginator,
    OffsetPaginator,
    PageNumberPaginator,
    Paginator,
    SinglePage,
)
from planner.providers.ratelimit import RateLimit, RateLimiter
from planner.providers.registry import (
    ENTRY_POINT_GROUP,
    PluginLoadError,
    Registry,
    get_registry,
    load_registry,
    reset_registry,
)
from planner.providers.request import Request, Response
from planner.providers.runner import SearchOutcome, run_batch, run_search
from planner.providers.session import ProviderSession
from planner.providers.validation import (
    ResourceValidationError,
    clean_text,
    is_http_url,
    validate_resource,
)

__all__ = [
    "ApiKeyAuth",
    "Authenticator",
    "BasicAuth",
    "BearerAuth",
    "Cost",
    "Credential",
    "ENTRY_POINT_GROUP",
    "Effort",
    "FatalProviderError",
    "HttpProvider",
    "Level",
    "LinkHeaderPaginator",
    "Location",
    "MalformedPayloadError",
    "NextUrlPaginator",
    "NotConfiguredError",
    "OffsetPaginator",
    "PageNumberPaginator",
    "Paginator",
    "PluginLoadError",
    "Provider",
    "ProviderConfig",
    "ProviderError",
    "ProviderSession",
    "ProviderTimeoutError",
    "RateLimit",
    "RateLimitedError",
    "RateLimiter",
    "Registry",
    "Request",
    "Resource",
    "ResourceKind",
    "ResourceValidationError",
    "Response",
    "Results",
    "RetriableProviderError",
    "Schedule",
    "SearchOutcome",
    "Setting",
    "SinglePage",
    "SkillQuery",
    "clean_text",
    "get_registry",
    "is_http_url",
    "load_registry",
    "reset_registry",
    "run_batch",
    "run_search",
    "validate_resource",
]
