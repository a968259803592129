using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpdeskBot.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackupTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SystemKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SourceKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Selector = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Credential = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    HostTimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SecondLocation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SecondSourceKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    SecondCredential = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RpoSeconds = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackupTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BackupTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cameras",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LocationText = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Host = table.Column<string>(type: "nvarchar(253)", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "int", nullable: false),
                    RtspPath = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Username = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PasswordReference = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cameras", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cameras_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EBelediyeServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ExpectedContent = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LatencyThresholdMs = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EBelediyeServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EBelediyeServices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitorChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Area = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IsUp = table.Column<bool>(type: "bit", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitorStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Area = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: false),
                    TargetName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LastStatus = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    LastDetail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LastProblems = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ObservedUp = table.Column<bool>(type: "bit", nullable: true),
                    ObservedCount = table.Column<int>(type: "int", nullable: false),
                    ObservedSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AnnouncedUp = table.Column<bool>(type: "bit", nullable: true),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorStates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackupTargets_Name",
                table: "BackupTargets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BackupTargets_UnitId",
                table: "BackupTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Cameras_Name",
                table: "Cameras",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cameras_UnitId",
                table: "Cameras",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EBelediyeServices_Name",
                table: "EBelediyeServices",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EBelediyeServices_UnitId",
                table: "EBelediyeServices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorChecks_Area_TargetId_CheckedAt",
                table: "MonitorChecks",
                columns: new[] { "Area", "TargetId", "CheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitorChecks_CheckedAt",
                table: "MonitorChecks",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorStates_Area_TargetId",
                table: "MonitorStates",
                columns: new[] { "Area", "TargetId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackupTargets");

            migrationBuilder.DropTable(
                name: "Cameras");

            migrationBuilder.DropTable(
                name: "EBelediyeServices");

            migrationBuilder.DropTable(
                name: "MonitorChecks");

            migrationBuilder.DropTable(
                name: "MonitorStates");
        }
    }
}
