"""The rules of the advice services and the bad input the issue lists: each refused with a clear
message, nothing changed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from advice import services
from advice.models import (
    AnswerPosition,
    BoardAnswer,
    ConsentOutcome,
    DeadlineExtension,
    Dossier,
    DossierKind,
    DossierState,
)
from advice.tests.factories import (
    AdoptedAdviceFactory,
    DossierFactory,
    DraftVersionFactory,
)
from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from wijraad.models import Visibility


def coming(kind=MeetingKind.COUNCIL, days=10):
    return MeetingFactory(kind=kind, date=timezone.localdate() + datetime.timedelta(days=days))


def held(meeting):
    meeting.state = MeetingState.HELD
    meeting.date = timezone.localdate() - datetime.timedelta(days=1)
    meeting.save()
    return meeting


def request(by, **fields):
    return services.dossier_create(
        kind=fields.pop("kind", DossierKind.REQUESTED),
        title=fields.pop("title", "Nieuw privacybeleid"),
        topic=fields.pop("topic"),
        by=by,
        board_question=fields.pop("board_question", "Wat vindt u ervan?"),
        **fields,
    )


# --- Opening a dossier ----------------------------------------------------------------------------


def test_reference_numbers_count_per_year(db, bestuurder, topic):
    first = request(bestuurder, topic=topic, requested_by=bestuurder)
    second = request(bestuurder, topic=topic)
    old = request(bestuurder, topic=topic, requested_on=datetime.date(2024, 12, 31))
    year = timezone.localdate().year
    assert first.reference == f"WR-{year}-001"
    assert second.reference == f"WR-{year}-002"
    assert old.reference == "WR-2024-001"
    assert first.state == DossierState.RECEIVED
    assert first.visibility == Visibility.BOARD
    assert first.state_changes.get().to_state == DossierState.RECEIVED


def test_the_advice_is_due_after_the_rules_weeks(db, bestuurder, topic):
    dossier = request(bestuurder, topic=topic, requested_on=datetime.date(2025, 3, 4))
    assert dossier.advice_due == datetime.date(2025, 4, 15)


def test_unrequested_advice_starts_opened_for_the_council(db, secretaris, topic):
    dossier = request(secretaris, topic=topic, kind=DossierKind.UNREQUESTED, board_question="")
    assert dossier.state == DossierState.OPENED
    assert dossier.visibility == Visibility.COUNCIL


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"advice_due": datetime.date(2025, 1, 1)}, "advice_due", "deadline_before_request"),
        (
            {"decision_planned_on": datetime.date(2025, 1, 1)},
            "decision_planned_on",
            "decision_before_request",
        ),
        ({"board_question": "  "}, "board_question", "question_required"),
        ({"title": " "}, "title", "title_required"),
        ({"visibility": Visibility.COUNCIL}, "visibility", "board_must_see"),
    ],
)
def test_bad_requests_are_refused(db, bestuurder, topic, fields, field, code):
    with pytest.raises(ValidationError) as refusal:
        request(bestuurder, topic=topic, requested_on=datetime.date(2025, 3, 4), **fields)
    assert refusal.value.error_dict[field][0].code == code
    assert not Dossier.objects.exists()


def test_only_members_join_the_working_group(db, secretaris, lid, oud_lid, bestuurder, topic):
    dossier = request(secretaris, topic=topic)
    with pytest.raises(ValidationError):
        services.working_group_set(dossier=dossier, people=[lid, bestuurder], by=secretaris)
    assert not dossier.working_group.exists()
    services.working_group_set(dossier=dossier, people=[lid], by=secretaris)
    assert list(dossier.working_group.all()) == [lid]


# --- Drafts, adopting, sending --------------------------------------------------------------------


def test_a_first_draft_starts_the_preparation(db, lid, topic, secretaris):
    dossier = request(secretaris, topic=topic)
    version = services.draft_save(dossier=dossier, text="Eerste opzet", by=lid)
    dossier.refresh_from_db()
    assert (version.number, dossier.state) == (1, DossierState.IN_PREPARATION)
    second = services.draft_save(dossier=dossier, text="Tweede opzet", by=lid)
    assert second.number == 2
    comment = services.comment_add(version=second, text="Mooi", by=lid)
    assert comment.author == lid


def test_adopting_needs_a_held_council_meeting_with_the_dossier_on_its_agenda(
    db, secretaris, voorzitter, topic
):
    dossier = request(secretaris, topic=topic)
    version = services.draft_save(dossier=dossier, text="Advies", by=voorzitter)
    elsewhere = held(coming())
    meeting = coming()
    services.dossier_put_on_agenda(dossier=dossier, meeting=meeting, by=secretaris)
    for outside in (elsewhere, meeting):  # another meeting; this one not held yet
        with pytest.raises(ValidationError) as refusal:
            services.advice_adopt(
                dossier=dossier,
                version=version,
                meeting=outside,
                reasons="Omdat",
                summary="Kort",
                by=voorzitter,
            )
        assert refusal.value.error_dict["meeting"][0].code == "not_in_meeting"
    held(meeting)
    advice = services.advice_adopt(
        dossier=dossier,
        version=version,
        meeting=meeting,
        reasons="Omdat",
        summary="Kort",
        by=voorzitter,
    )
    dossier.refresh_from_db()
    assert dossier.state == DossierState.ADOPTED
    assert advice.text == "Advies"
    assert meeting.agenda_items.get().dossiers.get() == dossier


def test_adopted_advice_is_reasoned_and_summarised(db, voorzitter):
    version = DraftVersionFactory()
    with pytest.raises(ValidationError) as refusal:
        services.advice_adopt(
            dossier=version.dossier,
            version=version,
            meeting=None,
            reasons="",
            summary="",
            by=voorzitter,
        )
    assert set(refusal.value.error_dict) == {"reasons", "summary"}


def test_a_consent_needs_an_outcome_and_conditions(db, voorzitter, secretaris):
    version = DraftVersionFactory(dossier__kind=DossierKind.CONSENT)
    meeting = coming()
    services.dossier_put_on_agenda(dossier=version.dossier, meeting=meeting, by=secretaris)
    held(meeting)
    for consent, field in (("", "consent"), (ConsentOutcome.CONDITIONAL, "conditions")):
        with pytest.raises(ValidationError) as refusal:
            services.advice_adopt(
                dossier=version.dossier,
                version=version,
                meeting=meeting,
                reasons="Omdat",
                summary="Kort",
                consent=consent,
                by=voorzitter,
            )
        assert field in refusal.value.error_dict


def test_sending_before_adoption_is_refused(db, voorzitter):
    dossier = DossierFactory(state=DossierState.IN_PREPARATION)
    with pytest.raises(ValidationError) as refusal:
        services.advice_send(dossier=dossier, by=voorzitter)
    assert refusal.value.code == "not_adopted"
    dossier.refresh_from_db()
    assert dossier.sent_at is None


def test_sending_starts_the_answer_clock_and_shows_the_board(db, voorzitter):
    advice = AdoptedAdviceFactory(
        dossier__kind=DossierKind.UNREQUESTED, dossier__visibility=Visibility.COUNCIL
    )
    dossier = services.advice_send(dossier=advice.dossier, by=voorzitter)
    assert dossier.state == DossierState.SENT
    assert dossier.answer_due == timezone.localdate() + datetime.timedelta(weeks=4)
    assert dossier.visibility == Visibility.BOARD


# --- The board's answer ------------------------------------------------------------------------


@pytest.fixture
def sent(db):
    return DossierFactory(
        state=DossierState.SENT, sent_at=timezone.now(), answer_due=timezone.localdate()
    )


def test_following_needs_no_consultation(db, bestuurder, sent):
    answer = services.answer_give(
        dossier=sent, position=AnswerPosition.FOLLOWS, text="Wij volgen het advies.", by=bestuurder
    )
    sent.refresh_from_db()
    assert sent.state == DossierState.ANSWERED
    assert answer.answered_by == bestuurder


def test_answering_twice_is_refused(db, bestuurder, sent):
    services.answer_give(dossier=sent, position="follows", text="Ja", by=bestuurder)
    with pytest.raises(ValidationError) as refusal:
        services.answer_give(dossier=sent, position="follows", text="Nogmaals", by=bestuurder)
    assert refusal.value.code == "already_answered"
    assert BoardAnswer.objects.count() == 1


def test_not_following_needs_reasons_and_a_held_consultation(db, bestuurder, secretaris, sent):
    with pytest.raises(ValidationError) as refusal:
        services.answer_give(
            dossier=sent, position=AnswerPosition.NOT_FOLLOWS, text="Nee", by=bestuurder
        )
    assert set(refusal.value.error_dict) == {"reasons", "consultation"}
    assert "overlegvergadering" in str(refusal.value.error_dict["consultation"][0].message)
    consultation = coming(MeetingKind.CONSULTATION)
    services.dossier_put_on_agenda(dossier=sent, meeting=consultation, by=secretaris)
    with pytest.raises(ValidationError) as refusal:  # on the agenda, but not held yet
        services.answer_give(
            dossier=sent,
            position=AnswerPosition.NOT_FOLLOWS,
            text="Nee",
            reasons="Te duur",
            consultation=consultation,
            by=bestuurder,
        )
    assert set(refusal.value.error_dict) == {"consultation"}
    held(consultation)
    answer = services.answer_give(
        dossier=sent,
        position=AnswerPosition.PARTLY,
        text="Deels",
        reasons="Te duur",
        consultation=consultation,
        by=bestuurder,
    )
    assert answer.consultation == consultation


def test_a_consultation_without_the_dossier_does_not_count(db, bestuurder, sent):
    consultation = held(coming(MeetingKind.CONSULTATION))
    with pytest.raises(ValidationError) as refusal:
        services.answer_give(
            dossier=sent,
            position=AnswerPosition.NOT_FOLLOWS,
            text="Nee",
            reasons="Te duur",
            consultation=consultation,
            by=bestuurder,
        )
    assert set(refusal.value.error_dict) == {"consultation"}


def test_a_correction_is_a_new_linked_answer(db, bestuurder, sent):
    first = services.answer_give(dossier=sent, position="follows", text="Ja", by=bestuurder)
    correction = services.answer_correct(
        answer=first, position="follows", text="Ja, per 1 mei", by=bestuurder
    )
    first.refresh_from_db()
    assert (first.text, correction.corrects) == ("Ja", first)
    with pytest.raises(ValidationError):
        services.answer_correct(answer=first, position="follows", text="Weer", by=bestuurder)


def test_answering_an_unsent_dossier_is_refused(db, bestuurder):
    dossier = DossierFactory(state=DossierState.ADOPTED)
    with pytest.raises(ValidationError) as refusal:
        services.answer_give(dossier=dossier, position="follows", text="Ja", by=bestuurder)
    assert refusal.value.code == "not_waiting"


# --- Consent --------------------------------------------------------------------------------------


def consent_sent(outcome):
    conditions = "Na een half jaar evalueren." if outcome == ConsentOutcome.CONDITIONAL else ""
    advice = AdoptedAdviceFactory(
        dossier__kind=DossierKind.CONSENT, consent=outcome, conditions=conditions
    )
    dossier = advice.dossier
    dossier.state = DossierState.SENT
    dossier.sent_at = timezone.now() - datetime.timedelta(days=3)
    dossier.save()
    return dossier


def test_no_carrying_out_without_consent(db, bestuurder):
    dossier = consent_sent(ConsentOutcome.REFUSED)
    with pytest.raises(ValidationError) as refusal:
        services.decision_carried_out(dossier=dossier, on=timezone.localdate(), by=bestuurder)
    assert refusal.value.code == "no_consent"
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SENT


def test_replacement_consent_allows_carrying_out(db, bestuurder, advice_root, pdf_upload):
    dossier = consent_sent(ConsentOutcome.REFUSED)
    services.replacement_consent_record(
        dossier=dossier, upload=pdf_upload(), decided_on=timezone.localdate(), by=bestuurder
    )
    with pytest.raises(ValidationError):
        services.replacement_consent_record(
            dossier=dossier, upload=pdf_upload(), decided_on=timezone.localdate(), by=bestuurder
        )
    closed = services.decision_carried_out(dossier=dossier, on=timezone.localdate(), by=bestuurder)
    assert closed.state == DossierState.CLOSED


def test_replacement_consent_needs_a_refusal_and_its_document(
    db, bestuurder, advice_root, pdf_upload
):
    dossier = consent_sent(ConsentOutcome.GIVEN)
    with pytest.raises(ValidationError) as refusal:
        services.replacement_consent_record(
            dossier=dossier, upload=pdf_upload(), decided_on=timezone.localdate(), by=bestuurder
        )
    assert refusal.value.code == "not_refused"
    with pytest.raises(ValidationError) as refusal:
        services.replacement_consent_record(
            dossier=dossier, upload=None, decided_on=timezone.localdate(), by=bestuurder
        )
    assert "upload" in refusal.value.error_dict


def test_consent_given_allows_carrying_out(db, bestuurder):
    dossier = consent_sent(ConsentOutcome.CONDITIONAL)
    assert (
        services.decision_carried_out(
            dossier=dossier, on=timezone.localdate(), by=bestuurder
        ).decision_carried_out_on
        == timezone.localdate()
    )


# --- Deadlines ------------------------------------------------------------------------------------


def test_a_deadline_moves_later_with_a_reason(db, secretaris):
    dossier = DossierFactory(state=DossierState.IN_PREPARATION)
    for new_date, reason in ((dossier.advice_due, "Afgesproken"), (datetime.date(2027, 3, 1), "")):
        with pytest.raises(ValidationError):
            services.deadline_extend(
                dossier=dossier, deadline="advice", new_date=new_date, reason=reason, by=secretaris
            )
    services.deadline_extend(
        dossier=dossier,
        deadline="advice",
        new_date=datetime.date(2027, 3, 1),
        reason="Afgesproken met het bestuur",
        by=secretaris,
    )
    dossier.refresh_from_db()
    assert dossier.advice_due == datetime.date(2027, 3, 1)
    assert DeadlineExtension.objects.get().old_date == datetime.date(2027, 2, 16)
