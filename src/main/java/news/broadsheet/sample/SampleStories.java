package news.broadsheet.sample;

import news.broadsheet.article.ArticleInput;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.SectionRef;
import news.broadsheet.media.HeroImage;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Stories written by hand for the sample content, with fixed dates, so the README's recipes, the OpenAPI examples
 * (Swagger UI's "Try it out") and the demo site find the same articles whatever the day: the first one is the
 * document's example article.
 */
final class SampleStories {

    private SampleStories() {
    }

    /** {@code image} turns an image's file name into its URL. */
    static List<ArticleInput> all(UnaryOperator<String> image) {
        return List.of(
                story("Lviv's trams run again after the storm", "Crews cleared the lines overnight",
                        "All twelve lines are running, the city says.", "europe", List.of("transport", "lviv"),
                        List.of("Hanna Łukasik"), "Lviv", new HeroImage(image.apply("tram.svg"),
                                "A tram crossing Rynok Square in the rain", "Trams ran again on Monday morning", "Hanna Łukasik"),
                        true, "2026-11-24T09:30:00Z", """
                        Trams returned to **all twelve lines** on Monday, two days after the storm brought down overhead wires
                        across the city centre.

                        > We worked through the night, said a driver at the Pidzamche depot.

                        ## What changed

                        The city moved the night service to buses for the weekend and asked crews from Ternopil and Lutsk to
                        help. The last repairs, on the line to Sykhiv, ended shortly after five in the morning.

                        Read [the transport office's timetable](https://example.org/lviv/trams) for the week.
                        """),
                story("Voters in Vilnius head to the polls in a tight race", "Turnout by noon was the highest in a decade",
                        "The mayor's party and the opposition are level in every poll.", "europe", List.of("elections", "lithuania"),
                        List.of("Ingrid Solberg"), "Vilnius", new HeroImage(image.apply("polls.svg"),
                                "Voters queue outside a polling station in the old town", "Queues formed before the doors opened",
                                "Ingrid Solberg"),
                        true, "2026-11-23T07:00:00Z", """
                        Polling stations opened at seven, and by noon **a third of the city's voters** had cast their ballots.

                        The campaign turned on housing and the new tram plan; both main candidates promised to freeze rents
                        on city-owned flats.

                        | party | last poll |
                        | --- | --- |
                        | the mayor's party | 31% |
                        | the opposition | 30% |
                        """),
                story("Night trains return to the Alps as demand doubles", "Three new routes start in December",
                        "Sleeper services to Innsbruck, Zürich and Ljubljana sold out within days.", "travel",
                        List.of("transport", "trains"), List.of("Jonas Weber", "Zoë Martin"), "Zürich",
                        new HeroImage(image.apply("train.svg"), "A sleeper train at a snowy platform", "The first departure from Zürich",
                                "Jonas Weber"),
                        true, "2026-11-22T16:45:00Z", """
                        Railways across the Alps are bringing back **night trains** that were cut a decade ago, after bookings
                        on the existing routes doubled in two years.

                        The new sleepers have compartments for four and six, and a few with a shower.
                        """),
                story("The harbour in Gdańsk reopens after two years of works", "Larger ships can now reach the old quays",
                        "The deeper channel cost less than planned, the port authority says.", "business",
                        List.of("ports", "gdansk"), List.of("Tomás Ferreira"), "Gdańsk",
                        new HeroImage(image.apply("harbour.svg"), "Cranes over the old quays at dusk", null, "Tomás Ferreira"),
                        false, "2026-11-21T11:15:00Z", """
                        The first container ship in two years tied up at the old quays on Friday, after dredgers deepened the
                        channel to **twelve metres**.

                        Fishermen, who kept a berth through the works, say the water is cleaner than before.
                        """),
                story("Researchers map the last wild rivers of Iceland", "A survey of forty glacial rivers took three summers",
                        "Most rivers still change their course every spring.", "science", List.of("research", "rivers"),
                        List.of("Mei Tanaka"), "Reykjavík",
                        new HeroImage(image.apply("river.svg"), "A braided river crossing black sand", "The Skeiðará in August",
                                "Mei Tanaka"),
                        true, "2026-11-20T08:00:00Z", """
                        A team from the university has mapped **forty glacial rivers** from the air, and found that most of
                        them still wander across their plains every spring.

                        The maps will help road builders decide where bridges can stand.
                        """),
                story("A reading festival fills Kraków's courtyards", "Two hundred readings in a week",
                        "Authors read in courtyards, cellars and on the river.", "culture", List.of("books", "festivals"),
                        List.of("Zoë Martin"), "Kraków",
                        new HeroImage(image.apply("books.svg"), "Chairs set out in a courtyard for a reading", null, null),
                        false, "2026-11-19T18:30:00Z", """
                        The festival's organisers expected ten thousand visitors and counted **twice as many**.

                        Readings ran late into the night, some on boats moored under the castle.
                        """),
                story("Council approves night buses for Tallinn's suburbs", "Six lines from January",
                        "The buses will run every thirty minutes after midnight.", "politics", List.of("transport", "tallinn"),
                        List.of("Oleh Marchenko"), "Tallinn",
                        new HeroImage(image.apply("bus.svg"), "A bus at a stop in the snow", null, "Oleh Marchenko"),
                        false, "2026-11-18T13:00:00Z", """
                        The city council voted **34 to 9** for six night bus lines to the suburbs, paid for by a small rise in
                        parking fees in the centre.
                        """),
                story("Budget talks stall over school meals", "The coalition meets again on Thursday",
                        "Free lunches for every pupil would cost a tenth of the education budget.", "politics",
                        List.of("budget", "schools"), List.of("Amara Eze"), "Brno",
                        new HeroImage(image.apply("school.svg"), "Lunch trays in a school canteen", null, "Amara Eze"),
                        false, "2026-11-17T10:20:00Z", """
                        Talks on next year's budget broke off late on Monday without an agreement on **free school meals**,
                        the one point the coalition partners still disagree on.
                        """));
    }

    static List<String> images() {
        return List.of("tram.svg", "polls.svg", "train.svg", "harbour.svg", "river.svg", "books.svg", "bus.svg", "school.svg");
    }

    private static ArticleInput story(String title, String subtitle, String summary, String section, List<String> tags,
                                      List<String> authors, String dateline, HeroImage hero, boolean featured,
                                      String publishedAt, String body) {
        return new ArticleInput(null, title, subtitle, summary, body, new SectionRef(section), tags, authors, dateline, hero,
                featured, ArticleStatus.PUBLISHED, Instant.parse(publishedAt));
    }
}
