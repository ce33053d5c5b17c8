package org.tiptrace.app.web;

/**
 * Marks this app's {@code /api/v1} controllers: their failures become {@link ApiError} JSON (see
 * {@link ApiExceptionHandler}). Page controllers keep the HTML error page, and the hotline API its
 * own format, by not implementing it.
 */
public interface ApiEndpoint {}
