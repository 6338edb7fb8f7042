"""Errors a provider raises; the pipeline decides from the class whether to retry."""


class ProviderError(Exception):
    """A provider failed; not worth retrying unless a subclass says so."""

    retriable: bool = False


class RetriableProviderError(ProviderError):
    """A transient failure (timeout, 5xx, 429); ``retry_after`` in seconds when the server said."""

    retriable = True

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class FatalProviderError(ProviderError):
    """A failure that will not go away by retrying (bad request, auth, malformed payload)."""


class NotConfiguredError(FatalProviderError):
    """Required settings (e.g. an API key) are missing."""


class ProviderTimeoutError(RetriableProviderError):
    """The provider did not answer in time (connect/read timeout or the overall search bound)."""


class RateLimitedError(RetriableProviderError):
    """The shared or the upstream rate limit is exhausted; retry after ``retry_after``."""


class MalformedPayloadError(FatalProviderError):
    """The upstream answered with something that is not the documented shape."""
