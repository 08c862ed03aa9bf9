package news.broadsheet.web.problem;

/**
 * The service cannot take this request on now (503), though nothing is wrong with it: all the capacity set aside for
 * its kind of work is taken.
 */
public class ServiceBusy extends TryLater {

    public ServiceBusy(String problemType, String message, long retryAfterSeconds) {
        super(503, problemType, message, retryAfterSeconds);
    }
}
