"""The categories of a youth's data and the grounds on which someone may see them. Kept free of
model imports so every app can use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    IDENTITY = "identity", _("Identiteit")
    SCHOOL_SUPPORT = "school", _("Onderwijsondersteuning")
    YOUTH_CARE = "youthcare", _("Jeugdhulp")
    HEALTH = "health", _("Gezondheid (GGD)")
    LEERPLICHT = "leerplicht", _("Leerplicht")
    POLICE = "police", _("Politie")
    SAFETY = "safety", _("Veiligheid (meldcode)")
    PLAN = "plan", _("Plan van aanpak")


class Ground(models.TextChoices):
    CASE_INVOLVEMENT = "case", _("Betrokken bij de casus")
    SCHOOL_ENROLMENT = "school", _("Werkzaam op de school van de jeugdige")
    AB_ASSIGNMENT = "ab", _("Ambulant begeleider van de jeugdige (met toestemming)")
    GGD_CONSULTATION = "ggd", _("GGD geraadpleegd over de jeugdige (met toestemming)")
    # The school's M@ZL melding to a jeugdarts of its GGD (worrying sickness absence): a ground of
    # its own, not a consultation with consent.
    MAZL_MELDING = "mazl", _("M@ZL-melding van de school ontvangen (jeugdarts)")
    SWV_REQUEST = "swv", _("Aanvraag ontvangen door het samenwerkingsverband")
    LEERPLICHT_CONSULENT = "leerplicht", _("Consulent leerplicht van de woongemeente")
    INTAKE = "intake", _("Toegang (Samen Doen) van de woongemeente")
    REFERRAL = "referral", _("Doorverwijzing ontvangen")
    # The school a pupil moves to reads the handover once the pupil is enrolled there.
    HANDOVER_RECEIVED = "handover", _("Ontvangende school (leerling ingeschreven)")
    # The placer's own signal in the verwijsindex: who the youth is, and who else is involved.
    VERWIJSINDEX = "verwijsindex", _("Eigen signaal in de verwijsindex")
    PARENT_WITH_GEZAG = "parent", _("Ouder met gezag")
    YOUTH_SELF = "self", _("De jeugdige zelf")
    EMERGENCY = "emergency", _("Noodtoegang")
    PRIVACY_OFFICER = "privacy", _("Privacy officer (toezicht)")


class Action(models.TextChoices):
    READ = "read", _("inzien")
    CHANGE = "change", _("wijzigen")
