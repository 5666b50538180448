"""Hooks DRF loads from settings: the default permission and the exception handler that maps
the services' exceptions to API answers."""

from rest_framework import exceptions, permissions

from jeugdketen.access.exceptions import NotAllowed


class IsProfessionalOrParent(permissions.BasePermission):
    """Any authenticated, active user; what they see is decided per youth by the policy."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_active)


class IsProfessional(IsProfessionalOrParent):
    """Directory endpoints: professionals only."""

    message = "Dit deel van de API is voor professionals."

    def has_permission(self, request, view):
        from jeugdketen.access import policy

        return super().has_permission(request, view) and policy.professional_of(request.user) is not None


def exception_handler(exc, context):
    from django.core.exceptions import ValidationError as DjangoValidationError
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, NotAllowed):
        exc = exceptions.PermissionDenied(exc.message)
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(getattr(exc, "message_dict", None) or {"non_field_errors": exc.messages})
    return drf_exception_handler(exc, context)
