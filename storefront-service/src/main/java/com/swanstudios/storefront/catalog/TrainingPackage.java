package com.swanstudios.storefront.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A training package on sale (or, once deactivated, kept so old orders keep their meaning). */
@Entity
@Table(name = "training_package")
public class TrainingPackage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description;

    @Convert(converter = TypeColumn.class)
    @Column(name = "package_type", nullable = false, length = 16)
    public PackageType packageType;

    public Integer sessions;

    public Integer months;

    @Column(name = "sessions_per_week")
    public Integer sessionsPerWeek;

    @Column(name = "total_sessions", nullable = false)
    public int totalSessions;

    @Column(name = "price_per_session_cents", nullable = false)
    public long pricePerSessionCents;

    @Column(name = "total_cost_cents", nullable = false)
    public long totalCostCents;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    @Column(nullable = false)
    public boolean active;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Stored as the lower-case wire name, which is what the schema's CHECK constraint lists. */
    @Converter
    public static class TypeColumn implements AttributeConverter<PackageType, String> {
        @Override
        public String convertToDatabaseColumn(PackageType type) {
            return type == null ? null : type.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public PackageType convertToEntityAttribute(String column) {
            return column == null ? null : PackageType.valueOf(column.toUpperCase(Locale.ROOT));
        }
    }
}
