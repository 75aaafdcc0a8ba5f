# Sourced by ./mvnw and ./storeline (POSIX sh).
# Storeline needs a JDK 21 or newer. When JAVA_HOME is unset and the `java` on the PATH is older
# (many machines still default to 17), look for a newer JDK in the usual places instead of failing.

storeline_java_major() {
  # Prints the major version of the java binary given as $1, or 0. A JDK's `release` file says it without starting
  # a JVM (each start costs a few hundred milliseconds, and this runs before every start of Storeline).
  resolved=$(command -v "$1" 2>/dev/null) || resolved="$1"
  resolved=$(readlink -f "$resolved" 2>/dev/null) || resolved="$1"
  release="$(dirname "$(dirname "$resolved")")/release"
  if [ -f "$release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
    if [ -n "$major" ]; then
      echo "$major"
      return 0
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}

storeline_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(storeline_java_major java)" -ge 21 ]; then
    return 0
  fi
  best=""
  best_major=0
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(storeline_java_major "$candidate/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    JAVA_HOME="$best"
    export JAVA_HOME
    echo "storeline: the default java is older than 21; using JAVA_HOME=$JAVA_HOME" >&2
  fi
}

storeline_find_jdk
