# The views of the advice app, by sub-domain: dossiers, drafts, answers, public.
