package com.swanstudios.user.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partial profile update with JSON Merge Patch meaning (RFC 7396): a field left out stays as it is, a
 * field sent as {@code null} (or, for text, {@code ""}) is cleared. Jackson calls a setter only for the
 * fields the body names, which is how "left out" and "sent as null" are told apart.
 */
@Schema(description = "Fields left out stay as they are; an optional field sent as null (or \"\" for text) is cleared")
public class ProfileChange {

    @JsonIgnore
    @Schema(hidden = true)
    private final Set<String> sent = new HashSet<>();

    @Size(max = 60) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
    private String displayName;
    @Pattern(regexp = RegistrationRequest.USERNAME, message = "3-30 letters, digits, '_' or '.'")
    private String username;
    @Size(max = 500) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL")
    @Schema(nullable = true)
    private String avatarUrl;
    @Size(max = 2000)
    @Schema(nullable = true)
    private String bio;
    @Size(max = 500)
    @Schema(nullable = true)
    private String fitnessGoal;
    @Pattern(regexp = "^$|^(beginner|intermediate|advanced)$", message = "must be beginner, intermediate or advanced")
    @Schema(nullable = true)
    private String experienceLevel;
    @Past
    @Schema(nullable = true, implementation = String.class, format = "date")
    private LocalDate dateOfBirth;
    @Size(max = 500)
    @Schema(nullable = true)
    private String specialties;
    @Size(max = 1000)
    @Schema(nullable = true)
    private String certifications;
    @PositiveOrZero @Max(100_000_00)
    @Schema(nullable = true)
    private Long hourlyRateCents;
    @Pattern(regexp = "^(public|followers|private)$", message = "must be public, followers or private")
    private String profileVisibility;
    private Boolean discoverable;

    /** Whether the body named this field (with a value or with null). */
    public boolean has(String field) {
        return sent.contains(field);
    }

    /** Fields every account must have, which the body sent as null. */
    public List<String> requiredFieldsSentAsNull() {
        List<String> fields = new ArrayList<>();
        addIfSentAsNull(fields, "displayName", displayName);
        addIfSentAsNull(fields, "username", username);
        addIfSentAsNull(fields, "profileVisibility", profileVisibility);
        addIfSentAsNull(fields, "discoverable", discoverable);
        return fields;
    }

    private void addIfSentAsNull(List<String> fields, String field, Object value) {
        if (has(field) && value == null) {
            fields.add(field);
        }
    }

    public String displayName() {
        return displayName;
    }

    public String username() {
        return username;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public String bio() {
        return bio;
    }

    public String fitnessGoal() {
        return fitnessGoal;
    }

    public String experienceLevel() {
        return experienceLevel;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String specialties() {
        return specialties;
    }

    public String certifications() {
        return certifications;
    }

    public Long hourlyRateCents() {
        return hourlyRateCents;
    }

    public String profileVisibility() {
        return profileVisibility;
    }

    public Boolean discoverable() {
        return discoverable;
    }

    public void setDisplayName(String value) {
        displayName = mark("displayName", value);
    }

    public void setUsername(String value) {
        username = mark("username", value);
    }

    public void setAvatarUrl(String value) {
        avatarUrl = mark("avatarUrl", value);
    }

    public void setBio(String value) {
        bio = mark("bio", value);
    }

    public void setFitnessGoal(String value) {
        fitnessGoal = mark("fitnessGoal", value);
    }

    public void setExperienceLevel(String value) {
        experienceLevel = mark("experienceLevel", value);
    }

    public void setDateOfBirth(LocalDate value) {
        dateOfBirth = mark("dateOfBirth", value);
    }

    public void setSpecialties(String value) {
        specialties = mark("specialties", value);
    }

    public void setCertifications(String value) {
        certifications = mark("certifications", value);
    }

    public void setHourlyRateCents(Long value) {
        hourlyRateCents = mark("hourlyRateCents", value);
    }

    public void setProfileVisibility(String value) {
        profileVisibility = mark("profileVisibility", value);
    }

    public void setDiscoverable(Boolean value) {
        discoverable = mark("discoverable", value);
    }

    private <T> T mark(String field, T value) {
        sent.add(field);
        return value;
    }
}
