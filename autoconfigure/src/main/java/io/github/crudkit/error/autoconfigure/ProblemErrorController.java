package io.github.crudkit.error.autoconfigure;

import io.github.crudkit.error.ProblemTypes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the servlet container's error page (failures outside Spring MVC's handlers,
 * such as a malformed request line) with a problem detail instead of Boot's default error
 * JSON; like every crudkit problem it never carries a stack trace or an exception
 * message.
 *
 * @since 0.1.0
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
final class ProblemErrorController implements ErrorController {

	private final ProblemTypes types;

	/**
	 * Create the controller.
	 * @param types chooses the {@code type} of each problem
	 */
	ProblemErrorController(ProblemTypes types) {
		this.types = types;
	}

	/**
	 * Describe the failure the container forwarded.
	 * @param request the forwarded request
	 * @return the problem response
	 */
	@RequestMapping
	public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		if (!status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = status.is5xxServerError() ? "The server failed to handle the request."
				: "The request cannot be handled: " + status.getReasonPhrase() + ".";
		if (status == HttpStatus.INTERNAL_SERVER_ERROR
				&& isUnreadableBody(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			// A filter (Spring's FormContentFilter, say) could not read the body: the
			// client's fault, not ours.
			status = HttpStatus.BAD_REQUEST;
			detail = "The request body cannot be read.";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		this.types.complete(problem, ProblemTypes.slugOf(status.value()), (uri instanceof String path) ? path : null);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static boolean isUnreadableBody(@Nullable Object exception) {
		for (Throwable cause = (exception instanceof Throwable throwable) ? throwable
				: null; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof HttpMessageNotReadableException) {
				return true;
			}
		}
		return false;
	}

}
