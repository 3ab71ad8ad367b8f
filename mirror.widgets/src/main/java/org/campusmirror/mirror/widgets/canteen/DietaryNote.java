package org.campusmirror.mirror.widgets.canteen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dietary notes a tile shows as icons, recognised in OpenMensa's free-text notes (German or English, as
 * canteens write them: "vegan", "Schweinefleisch", "mit Alkohol", "Geflügel" ...). The renderer draws each by name.
 */
public enum DietaryNote {
    VEGAN("\\bvegan"),
    VEGETARIAN("vegetari|fleischlos|meatless|ovo-lacto"),
    PORK("schwein|\\bpork"),
    BEEF("\\brind|\\bbeef|\\bkalb|\\bveal"),
    POULTRY("geflügel|hähnchen|hühn|\\bhuhn|\\bpute|truthahn|chicken|poultry|turkey"),
    FISH("\\bfisch|\\bfish|lachs|salmon|seafood|meeresfrücht"),
    LAMB("\\blamm|\\blamb|\\bschaf|\\bmutton"),
    GAME("\\bwild\\b|wildfleisch|\\bvenison|\\bgame\\b"),
    ALCOHOL("alkohol|alcohol"),
    GLUTEN("gluten|weizen|wheat"),
    MILK("\\bmilch|laktose|lactose|\\bmilk|\\bdairy"),
    EGG("\\beier?\\b|\\beiern\\b|\\beggs?\\b"),
    NUTS("nüsse|\\bnuss|\\bnuts?\\b|erdnu|peanut|mandel|almond"),
    SOY("\\bsoja|\\bsoy"),
    SPICY("\\bscharf|spicy|\\bhot\\b"),
    ORGANIC("\\bbio\\b|organic|ökolog");

    private final Pattern pattern;

    DietaryNote(String regex) {
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                | Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** The icons for a meal's notes, each once, in this enum's order (vegan before vegetarian ...). */
    static List<DietaryNote> of(List<String> notes) {
        Set<DietaryNote> found = new LinkedHashSet<>();
        for (DietaryNote note : values()) {
            for (String text : notes) {
                if (note.pattern.matcher(text).find()) {
                    found.add(note);
                    break;
                }
            }
        }
        if (found.contains(VEGAN)) {
            found.remove(VEGETARIAN); // vegan says more; one leaf is enough
        }
        return new ArrayList<>(found);
    }
}
