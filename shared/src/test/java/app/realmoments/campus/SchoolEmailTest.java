package app.realmoments.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SchoolEmailTest {

    @Test
    void anAddressIsTrimmedLowerCasedAndItsDomainInAscii() {
        SchoolEmail email = SchoolEmail.parse(" Ana.Lee+moments@North.Example.EDU ");
        assertEquals("ana.lee+moments@north.example.edu", email.address());
        assertEquals("north.example.edu", email.domain());
        assertEquals("xn--mnchen-3ya.example.edu", SchoolEmail.parse("ana@münchen.example.edu").domain());
        assertEquals(SchoolEmail.parse("ANA@north.example.edu").hash(), SchoolEmail.parse("ana@north.example.edu").hash());
        assertNotEquals(SchoolEmail.parse("ana@north.example.edu").hash(), SchoolEmail.parse("ben@north.example.edu").hash());
        assertEquals(64, email.hash().length());
    }

    @Test
    void domainsNeedTwoLabelsOfLettersDigitsAndInnerHyphens() {
        assertEquals("north.example.edu", SchoolEmail.domain("North.Example.edu"));
        assertNull(SchoolEmail.domain("localhost"));
        assertNull(SchoolEmail.domain("10.0.0.1"));
        assertNull(SchoolEmail.domain("north_campus.edu"));
        assertNull(SchoolEmail.domain("-north.edu"));
        assertNull(SchoolEmail.domain("north.edu."));
        assertNull(SchoolEmail.domain(null));
    }
}
