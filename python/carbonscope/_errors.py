"""The typed exceptions: CarbonscopeError and one subclass per C++ status code, created
by the C++ module (so C++ errors arrive as these classes with the C++ message)."""

from ._carbonscope import (Ambiguous, CarbonscopeError, DataError, FailedPrecondition, InternalError,  # noqa: F401
                           InvalidArgument, IoError, NotFound, PermissionDenied, Unavailable)
