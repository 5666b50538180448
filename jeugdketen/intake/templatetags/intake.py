"""Small badges of the toegang's lists, built in Python: they appear on every row of lists of 50,
where an ``{% include %}`` per cell costs more than the rest of the row."""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

_BADGE = '<span class="utrecht-status-badge utrecht-status-badge--{} jk-badge">{}</span>'


@register.simple_tag
def term_badge(term, today):
    """The Awb deadline as a <time>, with "opgeschort" or "termijn verstreken" when so."""
    html = format_html(
        '<time datetime="{}">{}</time>', term.deadline.isoformat(), formats.date_format(term.deadline, "j b Y")
    )
    if term.suspended:
        return format_html("{} " + _BADGE, html, "neutral", _("opgeschort"))
    if term.deadline < today:
        return format_html("{} " + _BADGE, html, "danger", _("termijn verstreken"))
    return html


@register.simple_tag
def urgency_badge(request):
    """Spoed and "graag snel" stand out; "gewoon" does not."""
    label = request.get_urgency_display()
    if request.urgency == "spoed":
        return format_html(_BADGE, "danger", label)
    if request.urgency == "snel":
        return format_html(_BADGE, "warning", label)
    return format_html('<span class="jk-muted">{}</span>', label)
