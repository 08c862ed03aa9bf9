package news.broadsheet.search;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The test profile with OpenSearch as the search engine: a real node, started for the tests ({@link OpenSearchNode}). */
public class OnOpenSearch implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenSearchNode.class));
    }
}
