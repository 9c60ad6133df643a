package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.Progress;

/** The progress wrapper that {@link SurveyFiles#read(Path, ReadOptions, Progress)} uses passes the warnings on. */
class ProgressCaseReaderWarningsTest {
    @Test
    void warningsOfTheWrappedReaderReachTheData() {
        List<ReadWarning> said = List.of(new ReadWarning("w.sav", "case 3", "something noticed"));
        try (CaseReader real = SurveyFiles.open(Path.of("data-samples/wvs-sample/wvs7-sample.sav"))) {
            CaseReader noticing = (CaseReader) Proxy.newProxyInstance(CaseReader.class.getClassLoader(),
                    new Class<?>[] {CaseReader.class}, (proxy, method, args) -> method.getName().equals("warnings")
                            ? said : method.invoke(real, args));
            try (Progress.Task task = Progress.none().start("reading", 380)) {
                CaseReader wrapped = new ProgressCaseReader(noticing, task);
                assertThat(wrapped.warnings()).isEqualTo(said);
                assertThat(SurveyFiles.read(wrapped, ReadOptions.defaults()).warnings())
                        .containsExactly("w.sav: case 3: something noticed");
            }
        }
    }
}
