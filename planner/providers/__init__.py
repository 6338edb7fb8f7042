"""The provider plugin API: the only module plugin authors import."""

from planner.providers.base import Provider
from planner.providers.errors import (
    FatalProviderError,
    NotConfiguredError,
    ProviderError,
    RetriableProviderError,
)
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
from planner.providers.registry import ENTRY_POINT_GROUP, Registry, load_registry

__all__ = [
    "ENTRY_POINT_GROUP",
    "Cost",
    "Credential",
    "Effort",
    "FatalProviderError",
    "Level",
    "Location",
    "NotConfiguredError",
    "Provider",
    "ProviderError",
    "Registry",
    "Resource",
    "ResourceKind",
    "RetriableProviderError",
    "Schedule",
    "SkillQuery",
    "load_registry",
]
