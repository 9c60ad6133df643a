// pluralstats: the public API, imported for interactive work (./pluralstats jshell)
import java.nio.file.*;
import java.util.*;
import org.pluralstats.*;
import org.pluralstats.data.*;
import org.pluralstats.io.*;
import org.pluralstats.io.forms.*;
import org.pluralstats.io.llm.*;
import org.pluralstats.stats.*;
import org.pluralstats.compare.*;
import org.pluralstats.weight.*;
import org.pluralstats.table.*;
import org.pluralstats.regress.*;
import org.pluralstats.align.*;
import org.pluralstats.run.*;
import org.pluralstats.report.*;
import org.pluralstats.report.html.*;
import org.pluralstats.report.svg.*;
