from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0001_user_model'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='expertise',
            field=models.TextField(blank=True, help_text='What the person knows about, e.g. care, education, debts, youth.', verbose_name='areas of expertise'),
        ),
        migrations.AddField(
            model_name='user',
            name='neighbourhood',
            field=models.CharField(blank=True, help_text='Where in the municipality of Groningen the person lives, e.g. Beijum.', max_length=100, verbose_name='neighbourhood or village'),
        ),
        migrations.AddField(
            model_name='user',
            name='phone',
            field=models.CharField(blank=True, max_length=30, verbose_name='phone number'),
        ),
        migrations.AddField(
            model_name='user',
            name='relation_to_wij',
            field=models.CharField(choices=[('client', 'Client of WIJ'), ('volunteer', 'Volunteer at WIJ'), ('representative', 'Legal representative, family member or carer of a client'), ('other', 'Other'), ('unknown', 'Unknown')], default='unknown', max_length=20, verbose_name='relation to WIJ'),
        ),
    ]
