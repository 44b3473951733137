import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0002_person_details'),
    ]

    operations = [
        migrations.CreateModel(
            name='DeclarationText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.CharField(max_length=20, unique=True, verbose_name='version')),
                ('body', models.TextField(verbose_name='text')),
                ('in_force_from', models.DateField(verbose_name='in force from')),
            ],
            options={
                'verbose_name': 'declaration text',
                'verbose_name_plural': 'declaration texts',
                'ordering': ['-in_force_from'],
            },
        ),
        migrations.CreateModel(
            name='Council',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(default='WIJ-raad', max_length=100, verbose_name='name')),
            ],
            options={
                'verbose_name': 'council',
                'verbose_name_plural': 'council',
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='council_single_row')],
            },
        ),
        migrations.CreateModel(
            name='CouncilRules',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(unique=True, verbose_name='valid from')),
                ('term_length_years', models.PositiveSmallIntegerField(default=3, verbose_name='term length (years)')),
                ('max_terms', models.PositiveSmallIntegerField(default=2, verbose_name='terms allowed per person')),
                ('max_seats', models.PositiveSmallIntegerField(default=13, verbose_name='maximum number of seats')),
                ('min_members', models.PositiveSmallIntegerField(default=5, verbose_name='minimum number of members')),
                ('min_council_meetings', models.PositiveSmallIntegerField(default=10, verbose_name='council meetings per year (minimum)')),
                ('min_consultations', models.PositiveSmallIntegerField(default=6, verbose_name='consultation meetings per year (minimum)')),
                ('advice_deadline_weeks', models.PositiveSmallIntegerField(default=6, verbose_name='deadline for requested advice (weeks)')),
                ('answer_deadline_weeks', models.PositiveSmallIntegerField(default=4, verbose_name="deadline for the board's answer (weeks)")),
                ('agenda_lead_days', models.PositiveSmallIntegerField(default=7, verbose_name='agenda sent before a meeting (days)')),
                ('reminder_lead_days', models.PositiveSmallIntegerField(default=2, verbose_name='meeting reminder before a meeting (days)')),
                ('agenda_late_warning_days', models.PositiveSmallIntegerField(default=8, verbose_name='warn when the agenda is not out this many days before a meeting')),
                ('term_ending_warning_months', models.PositiveSmallIntegerField(default=6, verbose_name='warn this many months before a term ends')),
                ('continuity_warning_numerator', models.PositiveSmallIntegerField(default=1, help_text='Warn when more than this fraction of the seats ends in one year.', verbose_name='continuity warning: numerator')),
                ('continuity_warning_denominator', models.PositiveSmallIntegerField(default=3, verbose_name='continuity warning: denominator')),
                ('applicant_retention_weeks', models.PositiveSmallIntegerField(default=4, verbose_name="keep applicants' data after the procedure (weeks)")),
                ('applicant_retention_consent_months', models.PositiveSmallIntegerField(default=12, verbose_name="keep applicants' data with their consent (months)")),
                ('signal_contact_retention_months', models.PositiveSmallIntegerField(default=3, verbose_name="keep a signal's contact data after closing (months)")),
                ('note', models.TextField(blank=True, help_text='Why these rules changed.', verbose_name='note')),
            ],
            options={
                'verbose_name': 'council rules',
                'verbose_name_plural': 'council rules',
                'ordering': ['-valid_from'],
                'constraints': [models.CheckConstraint(condition=models.Q(('continuity_warning_denominator__gt', 0), ('continuity_warning_numerator__lte', models.F('continuity_warning_denominator'))), name='council_rules_fraction_valid'), models.CheckConstraint(condition=models.Q(('min_members__lte', models.F('max_seats'))), name='council_rules_min_members_within_seats'), models.CheckConstraint(condition=models.Q(('term_length_years__gt', 0), ('max_terms__gt', 0), ('max_seats__gt', 0)), name='council_rules_positive')],
            },
        ),
        migrations.CreateModel(
            name='BoardPosition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('board_member', 'Board member'), ('director', 'Director')], max_length=20, verbose_name='position')),
                ('start', models.DateField(verbose_name='start')),
                ('end', models.DateField(blank=True, help_text='Empty: open-ended.', null=True, verbose_name='end')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='board_positions', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'board position',
                'verbose_name_plural': 'board positions',
                'ordering': ['start', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end__isnull', True), ('end__gt', models.F('start')), _connector='OR'), name='board_position_end_after_start')],
            },
        ),
        migrations.CreateModel(
            name='ConfidentialityDeclaration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('signed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='signed at')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='declarations', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                ('text', models.ForeignKey(db_column='version', on_delete=django.db.models.deletion.PROTECT, related_name='signatures', to='members.declarationtext', to_field='version', verbose_name='text version')),
            ],
            options={
                'verbose_name': 'confidentiality declaration',
                'verbose_name_plural': 'confidentiality declarations',
                'ordering': ['-signed_at'],
                'constraints': [models.UniqueConstraint(fields=('person', 'text'), name='declaration_person_version_unique')],
            },
        ),
        migrations.CreateModel(
            name='Office',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('chair', 'Chair'), ('vice_chair', 'Vice-chair'), ('secretary', 'Secretary'), ('staff_secretary', 'Staff secretary')], max_length=20, verbose_name='office')),
                ('start', models.DateField(verbose_name='start')),
                ('end', models.DateField(blank=True, help_text='Empty: open-ended.', null=True, verbose_name='end')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='offices', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'office',
                'verbose_name_plural': 'offices',
                'ordering': ['start', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end__isnull', True), ('end__gt', models.F('start')), _connector='OR'), name='office_end_after_start')],
            },
        ),
        migrations.CreateModel(
            name='Term',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('ordinal', models.PositiveSmallIntegerField(help_text='1 for the first term, 2 for a reappointment.', verbose_name='term number')),
                ('start', models.DateField(verbose_name='start')),
                ('end', models.DateField(help_text='The first day without a seat.', verbose_name='end')),
                ('planned_end', models.DateField(verbose_name='planned end')),
                ('end_reason', models.CharField(blank=True, max_length=300, verbose_name='reason for ending early')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='recorded at')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='terms', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'term',
                'verbose_name_plural': 'terms',
                'ordering': ['start', 'id'],
                'indexes': [models.Index(fields=['start', 'end'], name='term_period_idx')],
                'constraints': [models.UniqueConstraint(fields=('person', 'ordinal'), name='term_person_ordinal_unique'), models.CheckConstraint(condition=models.Q(('ordinal__gte', 1)), name='term_ordinal_positive'), models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='term_end_after_start'), models.CheckConstraint(condition=models.Q(('end__lte', models.F('planned_end'))), name='term_end_not_after_planned_end')],
            },
        ),
    ]
