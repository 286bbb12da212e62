"""Measured-or-estimated body dimensions (``ergonomics.md`` §1).

A dimension the person measured always wins. One they left blank is estimated from stature
and sex with a linear fit on ANSUR II, and carries a 90 % band so that the advice can say
how far a target resting on an estimate may be off. Everything here is in centimetres.

Only the standard library and the profile model are imported: the core knows no screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from deskfit.core.model.profile import Body

Source = Literal["measured", "estimated"]


class Fit(NamedTuple):
    """One least-squares line ``value = slope·H + intercept`` (cm), and its residual SD."""

    slope: float
    intercept: float
    resid: float


# Least-squares fits of each dimension on stature, one per sex, on the ANSUR II public data
# (2012 US Army anthropometric survey, Gordon et al. 2014, NATICK/TR-15/007: 4,082 men and
# 1,986 women). ``resid`` is the residual standard deviation. The numbers are copied exactly
# as printed in ergonomics.md §1 (the project's source of truth), not refitted at import:
# scripts/validate_body.py checks them against the data, and a test checks them against
# ergonomics.md, so a typo in either place is caught.
#
# "elbow_height_standing" is the height of the radiale (the elbow joint) above the floor,
# standing. ANSUR II does not measure it directly; the fit is for
# ``acromialheight − acromionradialelength``, which reproduces the printed coefficients.
FITS: Final[dict[str, dict[str, Fit]]] = {
    "popliteal_height": {
        "male": Fit(0.3056, -10.70, 1.33),
        "female": Fit(0.2962, -9.41, 1.40),
    },
    "elbow_rest_height": {
        "male": Fit(0.0733, 11.63, 2.82),
        "female": Fit(0.0471, 15.57, 2.61),
    },
    "eye_height_sitting": {
        "male": Fit(0.3681, 15.80, 2.15),
        "female": Fit(0.3479, 18.11, 2.06),
    },
    "buttock_popliteal_length": {
        "male": Fit(0.3051, -3.29, 1.77),
        "female": Fit(0.3267, -4.70, 1.96),
    },
    # Seat to the top of the thigh (ANSUR II "thighclearance"): whether the legs fit under
    # the desk (ergonomics.md §3.2).
    "thigh_clearance": {
        "male": Fit(0.0569, 8.06, 1.51),
        "female": Fit(0.0706, 5.29, 1.33),
    },
    "elbow_height_standing": {
        "male": Fit(0.6898, -10.59, 1.65),
        "female": Fit(0.6673, -6.28, 1.47),
    },
    # The eye standing, for a sit-stand desk's screen: the eye is as far below the top of
    # the head standing as sitting, so ANSUR II's stature − sittingheight + eyeheightsitting.
    # Not in ergonomics.md; printed in docs/workstations.md §3, and checked against both.
    "eye_height_standing": {
        "male": Fit(0.9624, -4.78, 0.86),
        "female": Fit(0.9544, -3.47, 0.76),
    },
}

DIMENSIONS: Final[tuple[str, ...]] = tuple(FITS)
SEXES: Final[tuple[str, ...]] = ("female", "male", "unspecified")

# Two-sided 90 % of a normal distribution: the band ergonomics.md promises (on ANSUR II it
# holds 89.3–90.8 % of people for every fit).
Z90: Final = 1.645

# Statures the fits were made on (ANSUR II spans roughly this range). Outside it the line is
# an extrapolation: we still estimate, but flag it so the advice can say so.
STATURE_DATA_MIN_CM: Final = 145.0
STATURE_DATA_MAX_CM: Final = 205.0


@dataclass(frozen=True)
class Estimate:
    """A body dimension in cm with its 90 % band; a measured one has ``low == high == value``."""

    value: float
    low: float
    high: float
    source: Source

    @classmethod
    def measured(cls, value: float) -> Estimate:
        # A measurement is taken as exact: its error is the person's, not ours to guess.
        return cls(value=value, low=value, high=value, source="measured")

    def as_dict(self) -> dict[str, float | str]:
        """The JSON export shape, rounded to 0.1 cm (finer would claim precision we lack)."""
        return {
            "value": round(self.value, 1),
            "low": round(self.low, 1),
            "high": round(self.high, 1),
            "source": self.source,
        }


def _band(value: float, resid: float) -> Estimate:
    half = Z90 * resid
    return Estimate(value=value, low=value - half, high=value + half, source="estimated")


def estimate(dimension: str, stature_cm: float, sex: str) -> Estimate:
    """Estimate ``dimension`` (a key of ``FITS``) from barefoot stature in cm and sex.

    For ``sex == "unspecified"`` the prediction is the mean of the men's and women's lines.
    Its spread is that of an even mixture of the two groups: the mean of the two residual
    variances plus the variance between the two predictions, ((m − f)/2)². That widens the
    band where the lines disagree instead of pretending either sex applies.
    """
    try:
        fits = FITS[dimension]
    except KeyError:
        raise ValueError(
            f"unknown body dimension {dimension!r}; expected one of {', '.join(DIMENSIONS)}"
        ) from None
    if sex in fits:
        fit = fits[sex]
        return _band(fit.slope * stature_cm + fit.intercept, fit.resid)
    if sex == "unspecified":
        m, f = fits["male"], fits["female"]
        pm = m.slope * stature_cm + m.intercept
        pf = f.slope * stature_cm + f.intercept
        half_diff = (pm - pf) / 2
        resid = math.sqrt((m.resid**2 + f.resid**2) / 2 + half_diff**2)
        return _band((pm + pf) / 2, resid)
    raise ValueError(f"unknown sex {sex!r}; expected one of {', '.join(SEXES)}")


# Dimension key -> the profile's (and the JSON export's) key. eye_height_standing has no
# profile field: nobody is asked to measure it. The standing ones matter only for a
# sit-stand desk.
STANDING: Final[tuple[str, ...]] = ("elbow_height_standing_cm", "eye_height_standing_cm")
_PROFILE_KEYS: Final[dict[str, str]] = {d: f"{d}_cm" for d in DIMENSIONS}

# The JSON export contract's "body" object has exactly these, in this order.
_EXPORT_DIMENSIONS: Final[tuple[str, ...]] = (
    "popliteal_height",
    "elbow_rest_height",
    "eye_height_sitting",
    "buttock_popliteal_length",
    "thigh_clearance",
)


@dataclass(frozen=True)
class BodyDimensions:
    """The body the targets are computed for: every dimension, measured or estimated."""

    popliteal_height: Estimate
    elbow_rest_height: Estimate
    eye_height_sitting: Estimate
    buttock_popliteal_length: Estimate
    elbow_height_standing: Estimate
    thigh_clearance: Estimate
    eye_height_standing: Estimate
    shoe_allowance_cm: float
    stature_cm: float

    @property
    def stature_outside_data(self) -> bool:
        """True when the estimates extrapolate beyond the statures ANSUR II covers."""
        return not STATURE_DATA_MIN_CM <= self.stature_cm <= STATURE_DATA_MAX_CM

    def estimated(self) -> list[str]:
        """Profile key names of the dimensions that were estimated, in a fixed order.

        ``eye_height_standing_cm`` is always among them (it cannot be entered); callers
        that are not advising on a sit-stand desk can ignore the ``STANDING`` ones.
        """
        return [_PROFILE_KEYS[d] for d in DIMENSIONS if getattr(self, d).source == "estimated"]

    def as_export_dict(self) -> dict[str, dict[str, float | str]]:
        """The JSON export's ``body`` object (shared/profile-format.md)."""
        return {_PROFILE_KEYS[d]: getattr(self, d).as_dict() for d in _EXPORT_DIMENSIONS}


def body_dimensions(body: Body) -> BodyDimensions:
    """Measured values from the profile where given, ANSUR II estimates for the rest."""

    def pick(dimension: str) -> Estimate:
        measured: float | None = getattr(body, _PROFILE_KEYS[dimension], None)
        if measured is not None:
            return Estimate.measured(measured)
        return estimate(dimension, body.stature_cm, body.sex)

    return BodyDimensions(
        popliteal_height=pick("popliteal_height"),
        elbow_rest_height=pick("elbow_rest_height"),
        eye_height_sitting=pick("eye_height_sitting"),
        buttock_popliteal_length=pick("buttock_popliteal_length"),
        elbow_height_standing=pick("elbow_height_standing"),
        thigh_clearance=pick("thigh_clearance"),
        eye_height_standing=pick("eye_height_standing"),
        shoe_allowance_cm=body.shoe_allowance_cm,
        stature_cm=body.stature_cm,
    )
