package cn.anju.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * A refusal made in a filter, before any controller, answered the way every error is: by {@link ErrorPageController}
 * (problem details under {@code /api}, the Chinese error page with the message elsewhere).
 */
final class EarlyRefusals {

    /** Where the refusal waits for the error path. */
    static final String REFUSAL = EarlyRefusals.class.getName() + ".refusal";

    private EarlyRefusals() {
    }

    /**
     * Forwards to the error path with the request's form hidden: the form may be one Tomcat cannot read (over the size
     * limit), and every later reader of a parameter (the locale switch, the multipart resolver) would fail on it again.
     * A forward, not {@code sendError}: the container's error dispatch would carry the unreadable form along.
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException refusal)
            throws IOException, ServletException {
        HttpServletRequest unread = new FormHidden(request);
        unread.setAttribute(REFUSAL, refusal);
        unread.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refusal.status().value());
        unread.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(refusal.status().value());
        request.getRequestDispatcher("/error").forward(unread, response);
    }

    private static final class FormHidden extends HttpServletRequestWrapper {

        FormHidden(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
