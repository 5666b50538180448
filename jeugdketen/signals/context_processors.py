"""``open_signal_count`` for the navigation: counted (one query) only when a template uses it."""

from django.utils.functional import SimpleLazyObject

from .selectors import open_signal_count


def signals(request):
    user = getattr(request, "user", None)
    return {"open_signal_count": SimpleLazyObject(lambda: open_signal_count(user))}
