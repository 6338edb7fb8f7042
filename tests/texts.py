"""Feedback texts several tiers of the suite post."""

# A reason in words that name no skill: no goal, one "reason naming no skill" (reasons.py)
UNNAMED_REASON = (
    "Thank you for coming in on Tuesday. When the panel asked how you would decide which of three "
    "late orders to chase first, you did not say what you would check before ringing the "
    "supplier. We have decided not to offer you the post."
)

# A job description and a resume: Terraform is a must-have the resume does not show, Ansible a
# nice-to-have it does not show, Python shown
JOB_DESCRIPTION = "Requirements\n- Terraform\n- Python\nNice to have\n- Ansible"
RESUME = "Python developer, five years of Django and PostgreSQL."
