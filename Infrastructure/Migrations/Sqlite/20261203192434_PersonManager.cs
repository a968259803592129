using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpdeskBot.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonManager : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ManagerId",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_ManagerId",
                table: "People",
                column: "ManagerId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_People_ManagerId",
                table: "People",
                column: "ManagerId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_People_People_ManagerId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_ManagerId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ManagerId",
                table: "People");
        }
    }
}
