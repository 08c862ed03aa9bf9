package news.broadsheet;

import static io.restassured.RestAssured.given;

/** What the service's in-process caches count on /q/metrics (Caffeine's statistics through Micrometer). */
public final class CacheMetrics {

    private CacheMetrics() {
    }

    /** The hits counted so far by the cache of that name ({@code response_cache}, {@code media_file_cache}). */
    public static double hits(String cache) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"" + cache + "\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
