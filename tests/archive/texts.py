"""Texts for the near-duplicate tests, written for them: an original report, a syndicated copy
with agency boilerplate, a lightly edited copy, a rewrite, and independent reports on the same
topic that must not count as copies."""

from __future__ import annotations

ORIGINAL = (
    "The harbour authority in Bergen approved a plan on Thursday to build a new quay for cruise "
    "ships at Dokken, ending a dispute that has lasted almost ten years. The quay will be longer "
    "than any other in western Norway and is expected to open in 2028. Local residents had "
    "complained that large ships moored in the city centre polluted the air and blocked the view "
    "of the old wharf. Under the plan, ships will connect to shore power while they are in port, "
    "and the number of calls on a single day will be limited to three. The city council must "
    "still approve the budget, which is estimated at 1.2 billion kroner. Business groups welcomed "
    "the decision and said it would secure jobs in tourism, while environmental organisations "
    "said the limit on daily calls was too generous and promised to keep fighting the project in "
    "the council."
)

SYNDICATED = (
    "BERGEN, Norway (Nordic Wire) - "
    + ORIGINAL
    + "\n\nReporting by Kari Nilsen; editing by Tom Hale.\nRead more: sign up for our morning "
    "newsletter."
)

LIGHTLY_EDITED = (
    ORIGINAL.replace("on Thursday", "on Thursday evening")
    .replace("almost ten years", "nearly a decade")
    .replace("1.2 billion kroner", "about 1.2 billion Norwegian kroner")
)

REWRITE = (
    "Bergen's harbour authority on Thursday approved a plan to build a new quay for cruise ships "
    "at Dokken, ending a dispute that has lasted almost ten years. It will be the longest quay in "
    "western Norway and should open in 2028. Residents had complained that large ships moored in "
    "the city centre polluted the air and blocked the view of the old wharf. Under the plan, "
    "ships will connect to shore power while in port, and no more than three may call on a "
    "single day. The city council must still approve the budget, which is estimated at 1.2 "
    "billion kroner. Business groups welcomed the decision, while environmental organisations "
    "said the limit on daily calls was too generous and promised to keep fighting the project in "
    "the council."
)

SAME_TOPIC = (
    "Cruise ships will get a dedicated berth at Dokken in Bergen after the port board voted for "
    "the long-debated project on Thursday. Opponents have argued for years that the ships foul "
    "the air in the centre and hide the historic Bryggen wharf from view. The new berth comes "
    "with a cap of three ship visits a day and a requirement to plug into electricity from land. "
    "The project, priced at roughly 1.2 billion kroner, now goes to the city council for funding. "
    "Tourism businesses are pleased, but climate campaigners call the cap far too loose and vow "
    "to fight on."
)

SAME_TOPIC_NORWEGIAN = (
    "Havnestyret i Bergen vedtok torsdag å bygge en ny cruisekai på Dokken etter nesten ti år "
    "med strid. Kaien skal stå ferdig i 2028, og skipene må koble seg til landstrøm mens de "
    "ligger i havn. Det blir høyst tre anløp per dag. Bystyret må fortsatt godkjenne budsjettet "
    "på rundt 1,2 milliarder kroner. Næringslivet er fornøyd, mens miljøorganisasjonene mener "
    "grensen er altfor romslig."
)

UNRELATED = (
    "The national football team lost 2-1 to Denmark in a friendly match in Copenhagen on "
    "Wednesday. The coach said the young defenders had played well for most of the game but "
    "lost concentration after the break. The team meets Sweden in Oslo next month."
)
