from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login. What the person may do follows from what is linked to it: a professional
    profile (``organisations.Professional``), a carer (``youth.Carer``) or a youth
    (``youth.Youth``) — never from a flag on the user itself."""

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
