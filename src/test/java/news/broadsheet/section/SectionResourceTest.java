package news.broadsheet.section;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SectionResourceTest {

    @Test
    void createdSectionIsAnsweredWithLocationAndReadablePublicly() {
        String name = Api.unique("Foreign desk");
        String location = editor().contentType(ContentType.JSON)
                .body(Map.of("name", name, "description", "Stories from abroad", "position", 3))
                .post("/api/v1/sections")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/sections/" + name.toLowerCase().replace(' ', '-')))
                .body("slug", equalTo(name.toLowerCase().replace(' ', '-')))
                .body("id", notNullValue())
                .body("parent", nullValue())
                .body("createdAt", notNullValue())
                .extract().header("Location");

        anonymous().get(location).then().statusCode(200)
                .body("name", equalTo(name))
                .body("description", equalTo("Stories from abroad"))
                .body("position", equalTo(3));
    }

    @Test
    void sectionSlugIsTransliteratedFromTheName() {
        String suffix = Api.unique("x");
        editor().contentType(ContentType.JSON).body(Map.of("name", "Łódź Straße " + suffix))
                .post("/api/v1/sections")
                .then().statusCode(201)
                .body("slug", equalTo("lodz-strasse-" + suffix));
    }

    @Test
    void listIsOrderedByPositionThenName() {
        String b = Api.unique("order-b");
        String a = Api.unique("order-a");
        editor().contentType(ContentType.JSON).body(Map.of("name", "Bravo " + b, "position", 90001)).put("/api/v1/sections/" + b).then().statusCode(201);
        editor().contentType(ContentType.JSON).body(Map.of("name", "Alpha " + a, "position", 90001)).put("/api/v1/sections/" + a).then().statusCode(201);
        String first = Api.section();

        List<String> slugs = anonymous().get("/api/v1/sections").then().statusCode(200)
                .body("next", nullValue())
                .extract().jsonPath().getList("items.slug");
        assertTrue(slugs.indexOf(first) < slugs.indexOf(a), "position 0 comes before position 90001");
        assertTrue(slugs.indexOf(a) < slugs.indexOf(b), "equal positions are ordered by name");
    }

    @Test
    void childSectionNamesItsParent() {
        String parent = Api.section();
        String child = Api.section(parent);
        anonymous().get("/api/v1/sections/" + child).then().statusCode(200).body("parent", equalTo(parent));
    }

    @Test
    void unknownParentIsRejected() {
        editor().contentType(ContentType.JSON).body(Map.of("name", "Orphan", "parent", "no-such-section"))
                .post("/api/v1/sections")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("parent"));
    }

    @Test
    void sectionCannotBecomeItsOwnAncestor() {
        String top = Api.section();
        String child = Api.section(top);
        editor().contentType("application/merge-patch+json").body(Map.of("parent", child))
                .patch("/api/v1/sections/" + top)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("parent"));
        anonymous().get("/api/v1/sections/" + top).then().body("parent", nullValue());
    }

    @Test
    void putReplacesAndAnswers200() {
        String slug = Api.section();
        editor().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "position", 7))
                .put("/api/v1/sections/" + slug)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Renamed"))
                .body("position", equalTo(7));
    }

    @Test
    void putWithAnotherSlugInTheBodyIsRejected() {
        String slug = Api.section();
        editor().contentType(ContentType.JSON).body(Map.of("slug", "something-else", "name", "X"))
                .put("/api/v1/sections/" + slug)
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void mergePatchChangesOnlyTheFieldsGiven() {
        String slug = Api.section();
        editor().contentType(ContentType.JSON).body(Map.of("name", "Before", "description", "kept", "position", 4))
                .put("/api/v1/sections/" + slug).then().statusCode(200);

        editor().contentType("application/merge-patch+json").body("{\"name\": \"After\"}")
                .patch("/api/v1/sections/" + slug)
                .then().statusCode(200)
                .body("name", equalTo("After"))
                .body("description", equalTo("kept"))
                .body("position", equalTo(4));
    }

    @Test
    void mergePatchWithNullRemovesTheField() {
        String slug = Api.section();
        editor().contentType(ContentType.JSON).body(Map.of("name", "N", "description", "to be removed"))
                .put("/api/v1/sections/" + slug).then().statusCode(200);
        editor().contentType("application/merge-patch+json").body("{\"description\": null}")
                .patch("/api/v1/sections/" + slug)
                .then().statusCode(200).body("description", nullValue());
    }

    @Test
    void mergePatchCanRenameTheSlug() {
        String slug = Api.section();
        String renamed = Api.unique("renamed");
        editor().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .patch("/api/v1/sections/" + slug)
                .then().statusCode(200).body("slug", equalTo(renamed));
        anonymous().redirects().follow(false).get("/api/v1/sections/" + slug).then().statusCode(301)
                .header("Location", endsWith("/api/v1/sections/" + renamed));
        anonymous().get("/api/v1/sections/" + renamed).then().statusCode(200);
    }

    @Test
    void patchNeedsTheMergePatchContentType() {
        String slug = Api.section();
        editor().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .patch("/api/v1/sections/" + slug)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void explicitSlugAlreadyTakenIs409() {
        String slug = Api.section();
        editor().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Again"))
                .post("/api/v1/sections")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:broadsheet:problem:slug-taken"));
    }

    @Test
    void emptySectionCanBeDeleted() {
        String slug = Api.section();
        editor().delete("/api/v1/sections/" + slug).then().statusCode(204);
        anonymous().get("/api/v1/sections/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void sectionWithArticlesCannotBeDeleted() {
        String slug = Api.section();
        Api.create(Api.article(slug));
        editor().delete("/api/v1/sections/" + slug)
                .then().statusCode(409)
                .body("type", equalTo("urn:broadsheet:problem:section-in-use"))
                .body("detail", containsString("1 article"));
        anonymous().get("/api/v1/sections/" + slug).then().statusCode(200);
    }

    @Test
    void sectionWithChildrenCannotBeDeleted() {
        String parent = Api.section();
        Api.section(parent);
        editor().delete("/api/v1/sections/" + parent).then().statusCode(409);
    }

    /**
     * A child section inserted but not yet committed when the delete counted the children: the delete waits on the
     * child's key lock, then meets the foreign key, and answers 409 like any section in use, never 500.
     */
    @Test
    void sectionThatGainsAChildWhileBeingDeletedIs409() throws Exception {
        String parent = Api.section();
        String child = Api.unique("child");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into section (id, slug, name, parent_id, created_at, "
                    + "updated_at) select gen_random_uuid(), ?, 'Child', id, now(), now() from section where slug = ?")) {
                insert.setString(1, child);
                insert.setString(2, parent);
                assertEquals(1, insert.executeUpdate());
            }
            CompletableFuture<Response> delete = CompletableFuture.supplyAsync(() -> editor().delete("/api/v1/sections/" + parent));
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingForALock() > 0 || delete.isDone());
            assertFalse(delete.isDone(), "the delete waits for the child's transaction");
            connection.commit();
            delete.get(20, TimeUnit.SECONDS).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:broadsheet:problem:section-in-use"));
        }
        anonymous().get("/api/v1/sections/" + child).then().statusCode(200).body("parent", equalTo(parent));
    }

    @Inject
    DataSource dataSource;

    private int sessionsWaitingForALock() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            count.next();
            return count.getInt(1);
        }
    }

    @Test
    void writesNeedAToken() {
        String slug = Api.section();
        anonymous().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v1/sections")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer");
        anonymous().contentType(ContentType.JSON).body(Map.of("name", "x")).put("/api/v1/sections/" + slug).then().statusCode(401);
        anonymous().contentType("application/merge-patch+json").body(Map.of("name", "x")).patch("/api/v1/sections/" + slug).then().statusCode(401);
        anonymous().delete("/api/v1/sections/" + slug).then().statusCode(401);
        anonymous().get("/api/v1/sections/" + slug).then().statusCode(200).body("name", equalTo("Section " + slug));
    }

    @Test
    void invalidSectionListsEveryBadField() {
        editor().contentType(ContentType.JSON).body(Map.of("name", "", "slug", "Not A Slug", "position", -1))
                .post("/api/v1/sections")
                .then().statusCode(400)
                .body("errors.field", hasItems("name", "slug", "position"))
                .body("errors.size()", lessThan(4));
    }
}
