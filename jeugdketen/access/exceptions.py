from django.http import Http404
from django.utils.translation import gettext_lazy as _


class NotFoundOrForbidden(Http404):
    """The same answer for "does not exist" and "you may not see it", so a refusal reveals
    nothing about whether a youth or case exists (pages and API both answer 404)."""

    def __init__(self, message=None):
        super().__init__(message or _("Niet gevonden."))


class NotAllowed(Exception):
    """An action on something the user may see, but may not do (answers 403)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
