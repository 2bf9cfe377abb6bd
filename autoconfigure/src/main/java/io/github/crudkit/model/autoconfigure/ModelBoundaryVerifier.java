package io.github.crudkit.model.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.crudkit.model.EntityExposureModule;
import io.github.crudkit.model.Models;
import io.github.crudkit.model.PublicModel;
import io.github.crudkit.startup.StartupCheck;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Fails start-up when a controller method takes or returns a JPA entity (directly or
 * inside a {@code ResponseEntity}, a page, a list or any other generic type), or when a
 * {@link PublicModel} declares a {@link WriteOnly} field: entities stay on the server,
 * secrets never leave it.
 */
final class ModelBoundaryVerifier implements StartupCheck {

	private final List<RequestMappingHandlerMapping> mappings;

	/**
	 * Create the verifier.
	 * @param mappings the handler mappings whose methods are checked
	 */
	ModelBoundaryVerifier(List<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public List<String> problems() {
		return verify().stream()
			.map((problem) -> problem + ": return and accept records (Create/Update/Public models) instead")
			.toList();
	}

	@Override
	public String description() {
		return "The multiple-model rules (io.github.crudkit.model)";
	}

	/**
	 * Check every handler method.
	 * @return one line per broken rule, empty when all is well
	 */
	public List<String> verify() {
		List<String> problems = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : this.mappings) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				HandlerMethod method = entry.getValue();
				String where = method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
				inspect(ResolvableType.forMethodReturnType(method.getMethod()), where + " returns", problems,
						new HashSet<>());
				for (MethodParameter parameter : method.getMethodParameters()) {
					if (parameter.hasParameterAnnotation(RequestBody.class)) {
						inspect(ResolvableType.forMethodParameter(parameter), where + " accepts", problems,
								new HashSet<>());
					}
				}
			}
		}
		return problems.stream().distinct().toList();
	}

	private static void inspect(ResolvableType type, String where, List<String> problems, Set<Class<?>> seen) {
		Class<?> raw = type.resolve();
		if (raw == null || !seen.add(raw)) {
			return;
		}
		Class<?> entity = EntityExposureModule.entityClassOf(raw);
		if (entity != null) {
			problems.add(where + " the JPA entity " + entity.getName());
			return;
		}
		if (raw.isRecord()) {
			for (RecordComponent component : raw.getRecordComponents()) {
				if (PublicModel.class.isAssignableFrom(raw) && Models.isWriteOnly(component)) {
					problems.add(where + " " + raw.getName() + ", a PublicModel with the write-only field "
							+ component.getName());
				}
				inspect(ResolvableType.forType(component.getGenericType()), where, problems, seen);
			}
		}
		for (ResolvableType generic : type.getGenerics()) {
			inspect(generic, where, problems, seen);
		}
		if (type.isArray()) {
			inspect(type.getComponentType(), where, problems, seen);
		}
	}

}
