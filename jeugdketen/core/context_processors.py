from jeugdketen.access import policy
from jeugdketen.leerplicht import rules as leerplicht_rules
from jeugdketen.verwijsindex import rules as verwijsindex_rules


def app(request):
    user = getattr(request, "user", None)
    professional = policy.professional_of(user) if user is not None else None
    return {
        "current_professional": professional,
        "is_privacy_officer": policy.is_privacy_officer(user) if professional else False,
        # The toegang's pages: for Samen Doen, the jeugdconsulenten and their teamleider.
        "works_at_toegang": bool(
            professional
            and professional.organisation.kind == "gemeente"
            and policy.function_codes(professional) & set(policy.INTAKE_CATEGORIES)
        ),
        # The meldcode overview: for the functions that keep the meldcode in a case.
        "keeps_meldcode": bool(professional and policy.function_codes(professional) & {"samen_doen", "jeugdconsulent"}),
        "is_toegang_teamleider": bool(
            professional
            and professional.organisation.kind == "gemeente"
            and "manager" in policy.function_codes(professional)
        ),
        "is_jeugdconsulent": bool(professional and "jeugdconsulent" in policy.function_codes(professional)),
        "receives_referrals": bool(
            professional and professional.organisation.kind in ("voorliggend", "ggd", "jeugdhulp")
        ),
        # School support: the school's own staff, the SWV's coördinator and AB'ers, the GGD.
        "works_in_school_support": bool(
            professional
            and professional.organisation.kind == "school"
            and policy.function_codes(professional) & {"leerkracht", "intern_begeleider", "schoolleider"}
        ),
        # Leerplicht: the school's verzuim (those who read its pupils' leerplicht data) and the
        # consulent leerplicht of a gemeente.
        "works_in_leerplicht": bool(
            professional
            and (
                (
                    professional.organisation.kind == "school"
                    and policy.function_codes(professional) & leerplicht_rules.SCHOOL_READ_FUNCTIONS
                )
                or (
                    professional.organisation.kind == "gemeente"
                    and leerplicht_rules.CONSULENT in policy.function_codes(professional)
                )
                or (
                    professional.organisation.kind == "ggd"
                    and leerplicht_rules.JEUGDARTS in policy.function_codes(professional)
                )
            )
        ),
        "is_leerplicht_consulent": bool(
            professional
            and professional.organisation.kind == "gemeente"
            and leerplicht_rules.CONSULENT in policy.function_codes(professional)
        ),
        # Teamleiders and managers (and a school's schoolleider) see their organisation's figures.
        "sees_dashboard": bool(
            professional
            and (
                "manager" in policy.function_codes(professional)
                or (
                    professional.organisation.kind == "school" and "schoolleider" in policy.function_codes(professional)
                )
            )
            and professional.organisation.kind in ("gemeente", "swv", "school")
        ),
        "is_swv_coordinator": bool(
            professional
            and professional.organisation.kind == "swv"
            and "coordinator_swv" in policy.function_codes(professional)
        ),
        "places_signals": bool(
            professional and policy.function_codes(professional) & set(verwijsindex_rules.PLACER_FUNCTIONS)
        ),
        "is_ambulant_begeleider": bool(professional and policy.AB_FUNCTION in policy.function_codes(professional)),
        "answers_ggd_questions": bool(
            professional
            and professional.organisation.kind == "ggd"
            and policy.function_codes(professional) & policy.GGD_FUNCTIONS
        ),
        "is_carer": bool(user and user.is_authenticated and professional is None and hasattr(user, "carer")),
        "is_youth_user": bool(user and user.is_authenticated and professional is None and hasattr(user, "youth")),
    }
