package org.tiptrace.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.request.WebRequest;
import org.tiptrace.tip.TipJson;

/** JSON and error plumbing shared by the API and the pages. */
@Configuration
class WebConfiguration {

  /** One JSON voice: the API writes with core's canonical mapper, as {@code tips show --json}. */
  @Bean
  MappingJackson2HttpMessageConverter jsonConverter() {
    return new MappingJackson2HttpMessageConverter(TipJson.mapper().copy());
  }

  /**
   * Errors that reach {@code /error} (unmapped paths, failures outside controllers) get the same
   * three fields as {@link ApiError}: no timestamp, trace or exception text.
   */
  @Bean
  ErrorAttributes errorAttributes() {
    return new DefaultErrorAttributes() {
      @Override
      public Map<String, Object> getErrorAttributes(
          WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> all =
            super.getErrorAttributes(webRequest, ErrorAttributeOptions.defaults());
        Object status = all.getOrDefault("status", 500);
        Object error = all.getOrDefault("error", "error");
        Object path = all.getOrDefault("path", "");
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("status", status);
        kept.put("error", error);
        kept.put("path", path);
        return kept;
      }
    };
  }
}
