from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access.categories import Ground
from jeugdketen.youth.models import Youth


class AppendOnlyError(Exception):
    """Raised when anything tries to change or delete an access-log entry."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")

    _raw_delete = delete


class AccessLogEntry(models.Model):
    """One entry of the access log, after NEN 7513:2018: event, date/time, client (the youth),
    user, the function acted in, the ground, the objects involved and the access point. Names are
    copied at write time, so the entry stays true when people move on. Append-only."""

    class Event(models.TextChoices):
        READ = "read", _("Inzien")
        LIST = "list", _("In lijst getoond")
        SEARCH = "search", _("Gezocht")
        CREATE = "create", _("Aangemaakt")
        UPDATE = "update", _("Gewijzigd")
        DELETE = "delete", _("Verwijderd")
        PRINT = "print", _("Afgedrukt")
        EXPORT = "export", _("Geëxporteerd")
        EMERGENCY = "emergency", _("Noodtoegang genomen")
        REFUSED = "refused", _("Geweigerd")

    class Channel(models.TextChoices):
        WEB = "web", _("Web")
        API = "api", _("API")
        TASK = "task", _("Achtergrondtaak")
        ADMIN = "admin", _("Beheer")
        CLI = "cli", _("Opdrachtregel")

    timestamp = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    event = models.CharField(_("gebeurtenis"), max_length=20, choices=Event.choices)
    youth = models.ForeignKey(
        Youth,
        verbose_name=_("jeugdige"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the log outlives the youth's record (erasure is logged, not cascaded)
        db_index=False,  # covered by the (youth, -timestamp) index
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # covered by the (user, -timestamp) index
        related_name="+",
    )
    user_name = models.CharField(_("gebruiker"), max_length=200)
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    function_code = models.CharField(max_length=40, blank=True)
    function_name = models.CharField(_("functie"), max_length=100, blank=True)
    on_behalf_of = models.CharField(_("verantwoordelijke gebruiker"), max_length=200, blank=True)
    ground = models.CharField(_("grondslag"), max_length=20, choices=Ground.choices, blank=True)
    ground_detail = models.CharField(_("toelichting grondslag"), max_length=200, blank=True)
    categories = models.JSONField(_("categorieën"), default=list)
    object_type = models.CharField(_("soort gegevens"), max_length=60)
    object_ids = models.JSONField(_("objecten"), default=list)
    description = models.CharField(_("omschrijving"), max_length=300, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-timestamp", "-id"]
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        indexes = [models.Index(fields=["youth", "-timestamp"]), models.Index(fields=["user", "-timestamp"])]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.user_name} {self.event} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise AppendOnlyError("Een regel in het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een regel in het toegangslog kan niet worden verwijderd.")
