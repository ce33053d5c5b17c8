/** hashdeep text manifests ({@code %%%% HASHDEEP-1.0}), read line by line. */
@NullMarked
package org.tiptrace.hash.sets.hashdeep;

import org.jspecify.annotations.NullMarked;
