package cn.anju;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries hold: no cycles, and a module uses another only through the named interface {@code api} that its
 * {@code package-info.java} allows ({@code allowedDependencies}); the module diagram in {@code docs/modules} is the
 * one the code draws.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AnjuApplication.class);
    static final Path DOCS = Path.of("docs/modules");
    static final Path GENERATED = Path.of("target/spring-modulith-docs");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Without a declaration a module may use every public type of every other: a new module must say what it needs. */
    @Test
    void everyModuleDeclaresWhatItMayUse() throws ClassNotFoundException {
        List<String> undeclared = new ArrayList<>();
        for (var module : MODULES) {
            String pkg = module.getBasePackage().getName();
            ApplicationModule declared = Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
            if (declared == null || (declared.type() != ApplicationModule.Type.OPEN && declared.allowedDependencies().length == 0)) {
                undeclared.add(pkg);
            }
        }
        assertThat(undeclared).as("modules without allowedDependencies").isEmpty();
    }

    /**
     * Writes the Documenter's diagrams and canvases to target/, and keeps {@code docs/modules} current: when the code's
     * module map changed, the diagram there is rewritten (PlantUML source and SVG) and the test fails so that the change
     * is committed with the code that made it.
     */
    @Test
    void moduleDiagramInDocsIsCurrent() throws IOException {
        // every module uses the shared kernel and the demo uses every business module: drawn, they hide the map
        var businessModules = Documenter.DiagramOptions.defaults()
                .withExclusions(module -> List.of("shared", "demo").contains(module.getIdentifier().toString()));
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString())).writeDocumentation();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.resolve("business").toString()))
                .writeModulesAsPlantUml(businessModules);
        String drawn = inStableOrder(Files.readString(GENERATED.resolve("business/components.puml")));
        Path committed = DOCS.resolve("modules.puml");
        if (Files.exists(committed) && Files.readString(committed).equals(drawn)) {
            return;
        }
        Files.createDirectories(DOCS);
        Files.writeString(committed, drawn);
        Files.writeString(DOCS.resolve("modules.svg"), svg(drawn));
        throw new AssertionError("docs/modules/modules.puml and .svg were out of date and have been rewritten: commit them");
    }

    /** The Documenter writes the relations in a different order from run to run; sorted, equal maps give equal files. */
    static String inStableOrder(String plantUml) {
        List<String> lines = plantUml.lines().toList();
        List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        return lines.stream().map(line -> line.startsWith("Rel(") ? sorted.next() : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Smetana is PlantUML's own Java layout, so no Graphviz is needed on the machine. */
    static String svg(String plantUml) throws IOException {
        String source = plantUml.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        return out.toString(StandardCharsets.UTF_8);
    }
}
