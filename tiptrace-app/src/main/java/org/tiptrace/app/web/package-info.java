/** Web plumbing: the login page, JSON error bodies for the API, the JSON converter. */
@NullMarked
package org.tiptrace.app.web;

import org.jspecify.annotations.NullMarked;
