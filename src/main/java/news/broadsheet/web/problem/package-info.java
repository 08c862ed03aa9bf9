/**
 * Errors as RFC 9457 problem+json: the exceptions services throw (NotFound, InvalidInput, Conflict, StaleVersion,
 * TryLater...), and {@link news.broadsheet.web.problem.Problems}, the one function from an error to its problem.
 */
package news.broadsheet.web.problem;
