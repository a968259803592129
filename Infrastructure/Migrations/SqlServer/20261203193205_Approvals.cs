using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpdeskBot.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RequestId",
                table: "OutboxMessages",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EntrustedAt",
                table: "Assets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EntrustedToId",
                table: "Assets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceRequestId",
                table: "Assets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Assets",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ApprovalChainSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Approver = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    When = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalChainSteps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    EconomicCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Appropriation = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Committed = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpendingAuthorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    PersonId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendingAuthorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpendingAuthorities_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpendingAuthorities_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Substitutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PrincipalId = table.Column<int>(type: "int", nullable: false),
                    SubstituteId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Substitutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Substitutions_People_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Substitutions_People_PrincipalId",
                        column: x => x.PrincipalId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Substitutions_People_SubstituteId",
                        column: x => x.SubstituteId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RequesterId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Urgency = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Justification = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ReplacedAssetId = table.Column<int>(type: "int", nullable: true),
                    Assessment = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    AssessmentNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EstimatedCost = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    BudgetLineId = table.Column<int>(type: "int", nullable: true),
                    CommittedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    DirectPurchaseLimit = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    OverDirectPurchaseLimit = table.Column<bool>(type: "bit", nullable: false),
                    LooksSplit = table.Column<bool>(type: "bit", nullable: false),
                    DeliverySlip = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_Assets_ReplacedAssetId",
                        column: x => x.ReplacedAssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_BudgetLines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "BudgetLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_People_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalRequestLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    RequestId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequestLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalRequestLines_ApprovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Capacities = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ApproverId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EscalatedToId = table.Column<int>(type: "int", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedById = table.Column<int>(type: "int", nullable: true),
                    OnBehalfOfId = table.Column<int>(type: "int", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RequestId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalSteps_ApprovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApprovalSteps_People_ApproverId",
                        column: x => x.ApproverId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalSteps_People_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalSteps_People_EscalatedToId",
                        column: x => x.EscalatedToId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalSteps_People_OnBehalfOfId",
                        column: x => x.OnBehalfOfId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    StepOrder = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ActorId = table.Column<int>(type: "int", nullable: false),
                    OnBehalfOfId = table.Column<int>(type: "int", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_ApprovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_People_ActorId",
                        column: x => x.ActorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_People_OnBehalfOfId",
                        column: x => x.OnBehalfOfId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestCardPosts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    ConversationId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PersonId = table.Column<int>(type: "int", nullable: true),
                    ActivityId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestCardPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestCardPosts_ApprovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequestCardPosts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_RequestId",
                table: "OutboxMessages",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_EntrustedToId",
                table: "Assets",
                column: "EntrustedToId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_SourceRequestId",
                table: "Assets",
                column: "SourceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalChainSteps_Type_Order",
                table: "ApprovalChainSteps",
                columns: new[] { "Type", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequestLines_RequestId",
                table: "ApprovalRequestLines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_BudgetLineId",
                table: "ApprovalRequests",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_Number",
                table: "ApprovalRequests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_ReplacedAssetId",
                table: "ApprovalRequests",
                column: "ReplacedAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_RequesterId_CreatedAt",
                table: "ApprovalRequests",
                columns: new[] { "RequesterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_Status",
                table: "ApprovalRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_Type_Year_Sequence",
                table: "ApprovalRequests",
                columns: new[] { "Type", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_UnitId",
                table: "ApprovalRequests",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalSteps_ApproverId",
                table: "ApprovalSteps",
                column: "ApproverId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalSteps_DecidedById",
                table: "ApprovalSteps",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalSteps_EscalatedToId",
                table: "ApprovalSteps",
                column: "EscalatedToId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalSteps_OnBehalfOfId",
                table: "ApprovalSteps",
                column: "OnBehalfOfId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalSteps_RequestId",
                table: "ApprovalSteps",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalSteps_State_ApproverId",
                table: "ApprovalSteps",
                columns: new[] { "State", "ApproverId" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_UnitId",
                table: "BudgetLines",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_Year_UnitId_EconomicCode",
                table: "BudgetLines",
                columns: new[] { "Year", "UnitId", "EconomicCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_ActorId",
                table: "DecisionRecords",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_At",
                table: "DecisionRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_OnBehalfOfId",
                table: "DecisionRecords",
                column: "OnBehalfOfId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_RequestId",
                table: "DecisionRecords",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestCardPosts_PersonId",
                table: "RequestCardPosts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestCardPosts_RequestId_ConversationId",
                table: "RequestCardPosts",
                columns: new[] { "RequestId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpendingAuthorities_PersonId",
                table: "SpendingAuthorities",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SpendingAuthorities_UnitId",
                table: "SpendingAuthorities",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_CreatedById",
                table: "Substitutions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_PrincipalId",
                table: "Substitutions",
                column: "PrincipalId");

            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_SubstituteId",
                table: "Substitutions",
                column: "SubstituteId");

            migrationBuilder.AddForeignKey(
                name: "FK_Assets_ApprovalRequests_SourceRequestId",
                table: "Assets",
                column: "SourceRequestId",
                principalTable: "ApprovalRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Assets_People_EntrustedToId",
                table: "Assets",
                column: "EntrustedToId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_ApprovalRequests_RequestId",
                table: "OutboxMessages",
                column: "RequestId",
                principalTable: "ApprovalRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assets_ApprovalRequests_SourceRequestId",
                table: "Assets");

            migrationBuilder.DropForeignKey(
                name: "FK_Assets_People_EntrustedToId",
                table: "Assets");

            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_ApprovalRequests_RequestId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ApprovalChainSteps");

            migrationBuilder.DropTable(
                name: "ApprovalRequestLines");

            migrationBuilder.DropTable(
                name: "ApprovalSteps");

            migrationBuilder.DropTable(
                name: "DecisionRecords");

            migrationBuilder.DropTable(
                name: "RequestCardPosts");

            migrationBuilder.DropTable(
                name: "SpendingAuthorities");

            migrationBuilder.DropTable(
                name: "Substitutions");

            migrationBuilder.DropTable(
                name: "ApprovalRequests");

            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_RequestId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Assets_EntrustedToId",
                table: "Assets");

            migrationBuilder.DropIndex(
                name: "IX_Assets_SourceRequestId",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "EntrustedAt",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "EntrustedToId",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "SourceRequestId",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Assets");
        }
    }
}
