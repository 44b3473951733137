"""A solved proof-of-work for the public forms (wijraad.public_forms), as the browser makes it."""

import altcha

from wijraad import public_forms


def solved_challenge():
    challenge = public_forms.challenge_new()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    return altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        solution.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()
