"""What looks wrong in a deadline that was read: kept as read, flagged with a warning a person would agree
with — it is over before the plan was approved, it ends before it starts, its year is far from the plan's,
a weekday written beside it is not its weekday. A date outside 1990–2100 is not kept at all."""

from datetime import date

from schemas import Deadline, Message, PlanContext, message

EARLIEST, LATEST = 1990, 2100
FAR_YEARS = 2  # a year further than this from the plan's is flagged (and refused from dateparser)


def far_from_plan(year: int, context: PlanContext) -> bool:
    return bool(context.plan_year) and abs(year - context.plan_year) > FAR_YEARS


def approval_warnings(deadline: Deadline, context: PlanContext) -> list[Message]:
    """Only a deadline that is over before the plan was approved: a period that merely starts earlier
    («февраль – март» in a plan approved 10.02) or an open «с …» is not a mistake."""
    if context.approved_on and deadline.end and deadline.end < context.approved_on:
        return [message("deadline.before_approval", approved_on=context.approved_on)]
    return []


def weekday_warnings(deadline: Deadline, weekday: tuple[int, str] | None) -> list[Message]:
    """«среда, 18 февраля» when 18 February is a Thursday: the date is kept, the weekday questioned."""
    if weekday is None or deadline.start is None or deadline.start.weekday() == weekday[0]:
        return []
    return [message("deadline.weekday_mismatch", written=weekday[1], date=deadline.start)]


def sanity_warnings(deadline: Deadline, context: PlanContext) -> list[Message]:
    days = [d for d in (deadline.start, deadline.end) if d is not None]
    warnings = approval_warnings(deadline, context)
    if deadline.start and deadline.end and deadline.end < deadline.start:
        warnings.append(message("deadline.end_before_start"))
    far = sorted({d.year for d in days if far_from_plan(d.year, context)})
    warnings.extend(message("deadline.far_year", year=y, plan_year=context.plan_year) for y in far)
    return warnings


def outside_years(deadline: Deadline) -> list[date]:
    days = [d for d in (deadline.start, deadline.end, *deadline.dates) if d is not None]
    return [d for d in days if not EARLIEST <= d.year <= LATEST]
