from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("uitnodigen/", views.invite, name="invite"),
    path("uitnodigingen/", views.invitations, name="invitations"),
    path("uitnodigingen/<int:pk>/opnieuw/", views.invitation_resend, name="invitation_resend"),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
