from jeugdketen.access import policy


def app(request):
    user = getattr(request, "user", None)
    professional = policy.professional_of(user) if user is not None else None
    return {
        "current_professional": professional,
        "is_privacy_officer": policy.is_privacy_officer(user) if professional else False,
        "is_carer": bool(user and user.is_authenticated and professional is None and hasattr(user, "carer")),
        "is_youth_user": bool(user and user.is_authenticated and professional is None and hasattr(user, "youth")),
    }
