package com.swanstudios.platform.kit.probe;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "probe_note")
public class ProbeNote extends PanacheEntityBase {
    @Id
    public UUID id;
    public String key;
    public String text;
    public long version;
}
