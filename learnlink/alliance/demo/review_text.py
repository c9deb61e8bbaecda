"""What the nine country teams said at the end of cycles 1 to 3, and the syntheses of cycles 1
and 2: the texts of the review demo (review.py loads them)."""

# cycle -> team -> (what worked well, what did not work, what we will change)
FEEDBACK: dict[int, dict[str, tuple[str, str, str]]] = {
    1: {
        "Burundi": (
            "Market surveys worked when farmers did the interviews themselves. The team and "
            "the two diocesan partners agreed quickly on Ngozi as the territory.",
            "The guides were only in English, so the team needed French guides and lost weeks "
            "translating. Insecurity stopped two field trips in May.",
            "We will translate the survey forms into Kirundi before the next cycle."),
        "Eritrea": (
            "Farmers in Maekel listed the buyers they knew: the first market map came from them.",
            "Government extension staff left after the first course and nobody took over. "
            "Fuel shortages delayed the survey.",
            "We will agree with the Ministry of Agriculture who replaces staff who leave."),
        "Ethiopia": (
            "Market surveys worked when farmers did the interviews themselves, in Amharic. "
            "The territory team met every month.",
            "Government extension staff left for other posts, taking what they had learnt. "
            "Our staff knew relief work, not markets.",
            "We will train two people for each post so that one leaving does not stop the work."),
        "Kenya": (
            "Market surveys worked when the farmers did the interviews themselves: traders in "
            "Embu told farmers prices they never tell us. Greengram buyers came to Mbeere.",
            "The survey took twice the time planned because of the long rains.",
            "We will plan the survey for the dry season and share the price list by SMS."),
        "Madagascar": (
            "The territory team brought together three NGOs that had never worked together.",
            "The francophone teams needed French guides: we worked from English drafts. "
            "Transport to Fianarantsoa cost more than the budget.",
            "We will ask CIAT for French guides before the second course."),
        "Rwanda": (
            "Market surveys worked when farmers did the interviews themselves in Butare.",
            "Without French guides the team relied on one person to translate everything.",
            "We will share the translation work between the Rwanda and Burundi teams."),
        "Sudan": (
            "Farmers in Kadugli welcomed the survey; traders in El Obeid were open with prices.",
            "Government extension staff left the project area after the harvest. Insecurity "
            "closed the road to the market for a month.",
            "We will work through the community organisations rather than extension staff."),
        "Tanzania": (
            "Farmers did the interviews themselves and came back with the prices of Arusha "
            "traders. The district council joined the territory team.",
            "Extension staff of the district left for training and the survey waited.",
            "We will plan the survey with the district council's calendar."),
        "Uganda": (
            "Market surveys worked well when farmers did the interviews themselves. Bean "
            "traders in Kampala agreed to buy graded beans.",
            "Too many enterprises were on the list and farmers lost interest.",
            "We will keep the short list to three enterprises."),
    },
    2: {
        "Burundi": (
            "The French guides arrived and the team trained partners in Kirundi.",
            "Bulking failed where there was no store: farmers sold beans one by one at harvest.",
            "We will rent a store with the diocese before the next harvest."),
        "Eritrea": (
            "Two farmer groups wrote a business plan for vegetables.",
            "Reports were late because the team had no one in charge of reporting. Bulking "
            "failed where there was no store.",
            "We will name one person to send the monthly report on time."),
        "Ethiopia": (
            "Business planning with the groups worked: each group costed its own plan.",
            "Bulking failed where there was no store, and traders would not wait.",
            "We will link the groups to the cooperative union's warehouse."),
        "Kenya": (
            "Business plans written by the groups themselves were followed. Bulking greengrams "
            "in the group store brought a better price from Nairobi traders.",
            "Credit for bulking was not available from the banks.",
            "We will bring a savings and credit cooperative into the territory team."),
        "Madagascar": (
            "The French guides made the business planning course easy to follow.",
            "Bulking failed where there was no store in the village. Roads were cut by the "
            "cyclone season.",
            "We will plan bulking after the cyclone season."),
        "Rwanda": (
            "French guides arrived in time for the enterprise selection.",
            "Groups chose too many enterprises again.",
            "We will select one enterprise per group."),
        "Sudan": (
            "Community organisations carried the work after extension staff left.",
            "Bulking failed where there was no store, and sorghum prices fell at harvest.",
            "We will ask the community organisations to build a simple store."),
        "Tanzania": (
            "Groups wrote their business plans themselves, in Kiswahili.",
            "Transport to Arusha was too costly for small loads.",
            "We will sell together to one buyer who collects from the village."),
        "Uganda": (
            "Bulking beans in the group store worked: traders collected at the store.",
            "Two groups did not keep records of what members brought.",
            "We will train the group secretaries to keep records."),
    },
    3: {
        "Burundi": (
            "The rented store allowed bulking of beans for the first time.",
            "Traders from Bujumbura came once and did not come back.",
            "We will sign a written agreement with one trader."),
        "Eritrea": (
            "Monthly reports were sent on time after the new reporting person started.",
            "Vegetable prices in Asmara fell when all groups sold at the same time.",
            "We will stagger planting so that groups do not sell in the same week."),
        "Ethiopia": (
            "The cooperative union's warehouse took the groups' produce.",
            "Payment by the union came two months late.",
            "We will agree payment dates with the union in writing."),
        "Kenya": (
            "Market information by SMS reached every group. The savings and credit cooperative "
            "lent for bulking.",
            "Two traders broke their contracts when prices rose.",
            "We will keep at least two buyers for each product."),
        "Madagascar": (
            "Bulking after the cyclone season worked in two communes.",
            "Transport costs took most of the margin.",
            "We will share trucks with the other groups of the territory."),
        "Rwanda": (
            "One enterprise per group made the work clear.",
            "Government extension staff left the district after the reorganisation.",
            "We will involve the new district agronomists from the start."),
        "Sudan": (
            "The community store was built with the groups' own labour.",
            "Insecurity closed the market road again.",
            "We will find a second market in Kadugli town."),
        "Tanzania": (
            "One buyer collected from the villages and paid on time.",
            "Groups wanted credit that nobody offered.",
            "We will invite a bank to the next territory meeting."),
        "Uganda": (
            "Group secretaries kept records and members trusted the figures.",
            "Some members sold on the side when traders offered cash.",
            "We will agree a group rule on side-selling."),
    },
}

# cycle -> (worked, did not work, will change, themes)
SYNTHESES: dict[int, tuple[str, str, str, str]] = {
    1: ("- Market surveys worked when farmers did the interviews themselves (Burundi, "
        "Ethiopia, Kenya, Rwanda, Tanzania, Uganda): traders told farmers what they never tell "
        "staff.\n- Territory teams brought partners together who had not worked together "
        "(Burundi, Madagascar, Tanzania).",
        "- Government extension staff left after the first course and nobody took over "
        "(Eritrea, Ethiopia, Sudan, Tanzania).\n- Francophone teams needed French guides and "
        "lost weeks translating (Burundi, Madagascar, Rwanda).\n- Insecurity and the rains "
        "delayed the surveys (Burundi, Kenya, Sudan).",
        "- Train two people per post and agree replacements with the ministries.\n- CIAT "
        "provides French guides before the second course.\n- Keep the short list of "
        "enterprises to three.",
        "farmers did the interviews\nextension staff left\nFrench guides\nshort list of "
        "enterprises"),
    2: ("- Business plans written by the groups themselves were followed (Eritrea, Ethiopia, "
        "Kenya, Tanzania).\n- Bulking worked where the group had a store (Kenya, Uganda).\n"
        "- The French guides arrived and made the course easy to follow (Burundi, Madagascar, "
        "Rwanda).",
        "- Bulking failed where there was no store (Burundi, Eritrea, Ethiopia, Madagascar, "
        "Sudan).\n- No credit for bulking (Kenya); transport too costly for small loads "
        "(Tanzania).\n- Reports were late (Eritrea).",
        "- Find a store before the harvest: rented, the union's warehouse or built by the "
        "groups.\n- Bring a savings and credit cooperative into the territory teams.\n- One "
        "person in each team sends the monthly report.",
        "bulking needs a store\nbusiness plans by the groups\ncredit for bulking\nreporting on "
        "time"),
}
