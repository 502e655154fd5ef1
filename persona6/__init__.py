"""Persona6: evidence-backed persona graphs of the people in a product's chats and events."""

__version__ = "0.1.0"

from persona6.client import Persona6Client
from persona6.engine import Persona6
from persona6.errors import (
    InvalidEvent,
    InvalidInput,
    InvalidOption,
    MissingExtra,
    NotFound,
    Persona6Error,
    StoreError,
)
from persona6.types import (
    ActorSummary,
    Event,
    EventType,
    Evidence,
    IngestReport,
    Role,
    SessionSummary,
    Signal,
    SignalKind,
    StoredEvent,
    StoreStats,
)

__all__ = [
    "ActorSummary",
    "Event",
    "EventType",
    "Evidence",
    "IngestReport",
    "InvalidEvent",
    "InvalidInput",
    "InvalidOption",
    "MissingExtra",
    "NotFound",
    "Persona6",
    "Persona6Client",
    "Persona6Error",
    "Role",
    "SessionSummary",
    "Signal",
    "SignalKind",
    "StoreError",
    "StoreStats",
    "StoredEvent",
    "__version__",
]
