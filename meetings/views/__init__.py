"""The views of the meetings app, by sub-domain (the same names as meetings.models and
meetings.services): meetings, schedule, work_plan, agenda, minutes."""
