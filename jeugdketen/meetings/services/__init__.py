"""Changes to meetings: schedule, invite, minutes, decisions, the outcome, decisions into the plan,
and closing with the terugkoppeling. Each takes the acting user, asks the policy of the case
concerned, validates everything before it writes (nothing is half-saved), and writes the access log
in the same transaction."""

from .common import (
    NON_FIELD,
    OBJECT_TYPE,
    PLACE_MAX_LENGTH,
    SCHEDULE_AHEAD_DAYS,
    SCHEDULE_PAST_DAYS,
    TEXT_MAX_LENGTH,
    cases_message,
    is_member,
    writer_check,
)
from .feedback import feedback_notices_send, meeting_close
from .minutes import decision_add, decisions_convert, minute_add, outcome_set
from .scheduling import meeting_schedule, participants_invite

__all__ = [
    "NON_FIELD",
    "OBJECT_TYPE",
    "PLACE_MAX_LENGTH",
    "SCHEDULE_AHEAD_DAYS",
    "SCHEDULE_PAST_DAYS",
    "TEXT_MAX_LENGTH",
    "cases_message",
    "decision_add",
    "decisions_convert",
    "feedback_notices_send",
    "is_member",
    "meeting_close",
    "meeting_schedule",
    "minute_add",
    "outcome_set",
    "participants_invite",
    "writer_check",
]
