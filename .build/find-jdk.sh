# Sourced by ./tiptrace, ./run-tests and .ci/run. Sets JAVA_HOME to a JDK 21 or newer, or fails
# with a message that says what to install. Order: $JAVA_HOME, java on PATH, /usr/lib/jvm/*,
# then the other usual install folders.

tiptrace_java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

tiptrace_find_jdk() {
  local candidates=() c home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)")
    candidates+=("${c%/bin/java}")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(tiptrace_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$home"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "tiptrace: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm and the usual folders)." >&2
  echo "tiptrace: install one, e.g. 'apt-get install openjdk-21-jdk' or a Temurin 21+ build, or set JAVA_HOME." >&2
  return 1
}
