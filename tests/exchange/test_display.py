"""Plain text from mail, shown so that it reads well on a phone."""

from learnlink.exchange.display import reflow

WRAPPED = ("Leo tumepanga machungwa kwa madaraja matatu kabla ya gari la mnunuzi\n"
           "kufika, na kila mwanachama aliona bei ya daraja lake.\n")


def test_hard_wrapped_lines_join_into_one_paragraph():
    assert reflow(WRAPPED) == (
        "Leo tumepanga machungwa kwa madaraja matatu kabla ya gari la mnunuzi kufika, na kila "
        "mwanachama aliona bei ya daraja lake.\n")


def test_short_lines_lists_and_blank_lines_keep_their_breaks():
    text = ("Habari,\n\nTulikubaliana:\n- siku ya kukusanya ni Jumamosi ya kwanza ya kila mwezi,"
            " saa mbili\n- bei kwa kila daraja\nAsante\n")
    assert reflow(text) == text


def test_the_last_short_line_of_a_paragraph_ends_it():
    text = ("Tulipeleka sampuli za aina zote mbili kwa wanunuzi wa Babati mjini, na\n"
            "walitoa bei tofauti.\nElibariki\n")
    assert reflow(text) == ("Tulipeleka sampuli za aina zote mbili kwa wanunuzi wa Babati mjini,"
                            " na walitoa bei tofauti.\nElibariki\n")

